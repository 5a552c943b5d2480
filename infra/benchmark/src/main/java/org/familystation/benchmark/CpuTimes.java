package org.familystation.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * CPU time used by the processes of a run, by role, read from {@code /proc/<pid>/stat}: the application JVM, the
 * PostgreSQL server (its postmaster, named by {@code postmaster.pid}, which detaches from the harness, and every
 * backend under it), Elasticsearch (the process of its {@code elasticsearch.pid} and the server JVM it starts) and,
 * apart, the harness's own JVM (the clients; not part of the system's cost). On a shared or saturated machine
 * wall-clock rates vary with what else runs; the CPU a phase costs each part does not depend on waiting, so CPU
 * milliseconds per command or per replayed event are the figures that show progress there.
 * <p>
 * A process tree's time is, for each of its live processes, user + system time plus the time of its children that
 * have exited and been waited for ({@code cutime + cstime}): a PostgreSQL backend that ends between two samples
 * (a closed connection) is then still counted, in its postmaster.
 * <p>
 * PostgreSQL's time is also given by kind of process ({@link #POSTGRES_PARTS}, from the title each process sets):
 * the backends of the connections, the WAL writer, the checkpointer, the background writer, autovacuum, other
 * background processes, and the postmaster with whatever exited (closed connections, finished autovacuum workers).
 */
final class CpuTimes {

    static final List<String> ROLES = List.of("app", "postgres", "elasticsearch");
    /** PostgreSQL's processes by kind, as {@link #snapshot} names them after {@code postgres.}. */
    static final List<String> POSTGRES_PARTS = List.of("backends", "walwriter", "checkpointer", "bgwriter",
            "autovacuum", "other", "postmasterAndExited");
    private static final Path PROC = Path.of("/proc");
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private CpuTimes() {
    }

    /** One line of {@code /proc/<pid>/stat}: the fields the sums need, times in clock ticks. */
    record Stat(long pid, String command, long parent, long user, long system, long childrenUser, long childrenSystem) {

        /** The process's own time and that of its exited, waited-for children. */
        long withExitedChildren() {
            return user + system + childrenUser + childrenSystem;
        }

        /**
         * Parses a stat line. The command (field 2) is in parentheses and may itself hold spaces and parentheses,
         * so the fields after it are counted from its <em>last</em> closing parenthesis.
         */
        static Stat parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open) {
                throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
            }
            // fields[0] is field 3 (state), so field n is fields[n - 3]
            String[] fields = line.substring(close + 1).trim().split("\\s+");
            return new Stat(Long.parseLong(line.substring(0, open).trim()), line.substring(open + 1, close),
                    Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14]));
        }
    }

    /**
     * CPU seconds used so far, by role (app, postgres, elasticsearch, and harness apart), by every live process of
     * the run. A role whose process is not running counts 0, so a phase that starts the application begins at 0 for it.
     *
     * @param appPid   the application JVM, or -1 when none runs
     * @param excluded processes left out (the PostgreSQL backend of the harness's own lag probe)
     */
    static Map<String, Double> snapshot(long appPid, Path workDir, long... excluded) {
        Map<Long, Stat> processes = processes();
        for (long pid : excluded) {
            processes.remove(pid);
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("app", seconds(tree(processes, appPid)));
        long postmaster = pid(workDir.resolve("postgres").resolve("postmaster.pid"));
        seconds.put("postgres", seconds(tree(processes, postmaster)));
        postgresParts(processes, postmaster, CpuTimes::title)
                .forEach((part, ticks) -> seconds.put("postgres." + part, seconds(ticks)));
        seconds.put("elasticsearch",
                seconds(tree(processes, pid(workDir.resolve("elasticsearch").resolve("elasticsearch.pid")))));
        Stat harness = processes.get(ProcessHandle.current().pid());
        // Its own time only: its children (the application JVMs it started and stopped) are counted as the app.
        seconds.put("harness", harness == null ? 0.0 : (double) (harness.user() + harness.system()) / TICKS_PER_SECOND);
        return seconds;
    }

    /** Ticks used by the process {@code root} and every live process under it, with their exited children. */
    static long tree(Map<Long, Stat> processes, long root) {
        return treeOf(processes, root).stream().mapToLong(Stat::withExitedChildren).sum();
    }

    /** The process {@code root} and every live process under it; empty when it is not running. */
    private static List<Stat> treeOf(Map<Long, Stat> processes, long root) {
        List<Stat> tree = new ArrayList<>();
        if (!processes.containsKey(root)) {
            return tree;
        }
        Map<Long, List<Stat>> children = new HashMap<>();
        processes.values().forEach(stat -> children.computeIfAbsent(stat.parent(), parent -> new ArrayList<>()).add(stat));
        List<Stat> pending = new ArrayList<>(List.of(processes.get(root)));
        while (!pending.isEmpty()) {
            Stat process = pending.remove(pending.size() - 1);
            tree.add(process);
            pending.addAll(children.getOrDefault(process.pid(), List.of()));
        }
        return tree;
    }

    /**
     * Ticks of the PostgreSQL tree under {@code postmaster} by kind of process ({@link #POSTGRES_PARTS}), from each
     * process's title ({@code postgres: walwriter}, {@code postgres: <user> <database> <host> <state>} for a
     * connection). Empty when PostgreSQL is not running. A process that exits between two samples takes its time
     * from its kind to the postmaster's ({@code cutime}), so over a phase a kind can read a little below zero; the
     * sum stays right.
     */
    static Map<String, Long> postgresParts(Map<Long, Stat> processes, long postmaster, Function<Long, String> title) {
        Map<String, Long> parts = new LinkedHashMap<>();
        List<Stat> tree = treeOf(processes, postmaster);
        if (tree.isEmpty()) {
            return parts;
        }
        POSTGRES_PARTS.forEach(part -> parts.put(part, 0L));
        for (Stat process : tree) {
            String part = process.pid() == postmaster ? "postmasterAndExited" : postgresPart(title.apply(process.pid()));
            parts.merge(part, process.withExitedChildren(), Long::sum);
        }
        return parts;
    }

    /** The kind of a PostgreSQL process from its title (its command line as it rewrote it). */
    static String postgresPart(String title) {
        String what = title.startsWith("postgres: ") ? title.substring("postgres: ".length()).strip() : title.strip();
        if (what.startsWith("walwriter")) {
            return "walwriter";
        } else if (what.startsWith("checkpointer")) {
            return "checkpointer";
        } else if (what.startsWith("background writer")) {
            return "bgwriter";
        } else if (what.startsWith("autovacuum")) {
            return "autovacuum";
        } else if (what.split("\\s+").length >= 3 && (what.contains("(") || what.contains("[local]"))) {
            return "backends"; // user database host(port) state
        }
        return "other";
    }

    /** A process's command line as one line (a PostgreSQL process rewrites it into its title), "" once it ended. */
    private static String title(long pid) {
        try {
            return new String(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline")))
                    .replace('\0', ' ').strip();
        } catch (IOException ended) {
            return "";
        }
    }

    /**
     * Waits until the system has settled after a replay: until app, PostgreSQL and Elasticsearch together use less
     * than {@code quietCores} of CPU over a {@code windowSeconds} window, at most {@code maxSeconds}. What a replay
     * leaves behind runs on for a while: Elasticsearch merges the rebuilt index's segments once refreshes are back
     * on, PostgreSQL's autovacuum analyses and vacuums the tables the replay filled. Queries measured during that
     * work measure the work. Answers how long it took, the CPU used per second in the last window, by role, and
     * whether it settled.
     */
    static Map<String, Object> awaitSettled(long appPid, Path workDir, double quietCores, int windowSeconds,
                                            int maxSeconds) throws InterruptedException {
        long start = System.nanoTime();
        Map<String, Double> perSecond;
        boolean settled;
        do {
            Map<String, Double> before = snapshot(appPid, workDir);
            Thread.sleep(windowSeconds * 1_000L);
            Map<String, Double> used = between(before, snapshot(appPid, workDir));
            perSecond = new LinkedHashMap<>();
            double total = 0;
            for (String role : ROLES) {
                perSecond.put(role, Math.round(used.get(role) / windowSeconds * 1000) / 1000.0);
                total += used.get(role) / windowSeconds;
            }
            settled = total < quietCores;
        } while (!settled && System.nanoTime() - start < maxSeconds * 1_000_000_000L);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        result.put("settled", settled);
        result.put("quietCores", quietCores);
        result.put("cpuPerSecond", perSecond);
        return result;
    }

    /** What {@code after} used more than {@code before}, by role, in seconds to 0.01 s. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((role, seconds) -> used.put(role,
                Math.round((seconds - before.getOrDefault(role, 0.0)) * 100) / 100.0));
        return used;
    }

    /**
     * A phase's CPU per unit of work: seconds by role, and milliseconds per unit for each of app, postgres,
     * elasticsearch and their total (the system end to end), the harness's clients apart.
     *
     * @param unit what was done, singular ({@code command}): keys {@code commands} and {@code msPerCommand}
     */
    static Map<String, Object> per(Map<String, Double> before, Map<String, Double> after, long units, String unit) {
        Map<String, Double> used = between(before, after);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds", used);
        figures.put(unit + "s", units);
        Map<String, Double> perUnit = new LinkedHashMap<>();
        double total = 0;
        for (String role : ROLES) {
            perUnit.put(role, msPer(used.get(role), units));
            total += used.get(role);
        }
        perUnit.put("total", msPer(total, units));
        String per = Character.toUpperCase(unit.charAt(0)) + unit.substring(1);
        figures.put("msPer" + per, perUnit);
        figures.put("harnessMsPer" + per, msPer(used.get("harness"), units));
        Map<String, Double> postgres = new LinkedHashMap<>();
        for (String part : POSTGRES_PARTS) {
            if (used.containsKey("postgres." + part)) {
                postgres.put(part, msPer(used.get("postgres." + part), units));
            }
        }
        if (!postgres.isEmpty()) {
            figures.put("postgresMsPer" + per, postgres);
        }
        return figures;
    }

    /**
     * A phase's cost net of what the system uses idle: the idle rate (CPU seconds per second, by role, measured
     * just before) times the phase's length taken off each role, per unit. Adds {@code idleCpuPerSecond},
     * {@code windowSeconds} and {@code netMsPer<Unit>} (never below 0).
     *
     * @param phase what {@link #per} answered for the phase
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> netOfIdle(Map<String, Object> phase, Map<String, Double> idle, double idleSeconds,
                                         double windowSeconds, String unit) {
        Map<String, Double> used = (Map<String, Double>) phase.get("seconds");
        long units = ((Number) phase.get(unit + "s")).longValue();
        Map<String, Double> idleRate = new LinkedHashMap<>();
        Map<String, Double> net = new LinkedHashMap<>();
        double total = 0;
        for (String role : ROLES) {
            double rate = idleSeconds > 0 ? idle.getOrDefault(role, 0.0) / idleSeconds : 0;
            idleRate.put(role, Math.round(rate * 1000) / 1000.0);
            double seconds = Math.max(0, used.get(role) - rate * windowSeconds);
            net.put(role, msPer(seconds, units));
            total += seconds;
        }
        net.put("total", msPer(total, units));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("idleCpuPerSecond", idleRate);
        figures.put("windowSeconds", Math.round(windowSeconds * 10) / 10.0);
        figures.put("netMsPer" + Character.toUpperCase(unit.charAt(0)) + unit.substring(1), net);
        return figures;
    }

    /** Milliseconds per unit to three significant decimals (µs). */
    private static double msPer(double seconds, long units) {
        return units <= 0 ? Double.NaN : Math.round(seconds * 1_000_000 / units) / 1000.0;
    }

    private static double seconds(long ticks) {
        return (double) ticks / TICKS_PER_SECOND;
    }

    private static Map<Long, Stat> processes() {
        Map<Long, Stat> processes = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    Stat stat = Stat.parse(Files.readString(entry.resolve("stat")));
                    processes.put(stat.pid(), stat);
                } catch (IOException | RuntimeException exited) {
                    // it ended while the directory was read
                }
            }
        } catch (IOException noProc) {
            // not Linux: every role counts 0
        }
        return processes;
    }

    /** The first line of a pid file (PostgreSQL's postmaster.pid, Elasticsearch's), -1 when there is none. */
    private static long pid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException notRunning) {
            return -1;
        }
    }

    /** {@code getconf CLK_TCK}: the unit of the times in /proc/<pid>/stat (100 on Linux almost everywhere). */
    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor(10, TimeUnit.SECONDS);
            return Optional.of(answer).filter(value -> value.matches("\\d+")).map(Long::parseLong).orElse(100L);
        } catch (IOException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}

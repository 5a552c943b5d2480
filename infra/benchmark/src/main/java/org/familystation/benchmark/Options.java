package org.familystation.benchmark;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one run measures and for how long, from {@code --name=value} arguments: each component is the option of the
 * same name ({@code --command-seconds} gives {@code commandSeconds}), and what it means is the option's description
 * below, which {@code --help} prints. Every option has a default that gives the full run of BENCHMARKS.md.
 */
record Options(List<Long> sizes, int stations, int commandSeconds, int warmupSeconds, int querySeconds,
               int queryWarmupSeconds, int queryWarmupMaxSeconds, int ceilingSeconds, int replayTimeout, int baselineSeconds, int lagEvery, String appHeap,
               Path workDir, Path out, Path appJar, String appJvmArgs, boolean replayOnly, boolean seedOnly,
               boolean postgresStatements, Mode mode,
               int loadSeconds, int faultEvery, int sampleEvery, int clients, int esNodes, String esHeap, int queries,
               long snapshotEvery) {

    enum Mode { BENCHMARK, NODES, SOAK, ASOF }

    /**
     * The options from {@code --name=value} arguments. An unknown or misspelt option is refused with the options'
     * help (picocli suggests the near miss): {@code --replay_only=true} once ran a full benchmark instead, which empties
     * the seeded history first. {@code --help} is answered the same way, with nothing refused.
     */
    static Options parse(String... args) {
        Arguments given = new Arguments();
        CommandLine line = new CommandLine(given);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException refused) {
            StringWriter help = new StringWriter();
            CommandLine.UnmatchedArgumentException.printSuggestions(refused, new PrintWriter(help));
            line.usage(new PrintWriter(help));
            throw new NotRun(refused.getMessage() + System.lineSeparator() + help, 2, refused);
        }
        if (line.isUsageHelpRequested()) {
            throw new NotRun(line.getUsageMessage(), 0, null);
        }
        Path out = given.out != null ? given.out : Path.of("target/benchmark-" + LocalDate.now(ZoneOffset.UTC) + ".json");
        Path appJar = given.appJar != null ? given.appJar : findAppJar();
        // Several application nodes and Elasticsearch nodes share the machine: each gets a bounded heap.
        String appHeap = given.appHeap.isBlank() && given.mode != Mode.BENCHMARK ? "512m" : given.appHeap;
        return new Options(given.sizes.stream().sorted().toList(), given.stations, given.commandSeconds,
                given.warmupSeconds, given.querySeconds, given.queryWarmupSeconds,
                Math.max(given.queryWarmupSeconds, given.queryWarmupMaxSeconds), given.ceilingSeconds,
                given.replayTimeout, given.baselineSeconds, given.lagEvery, appHeap, given.workDir, out, appJar,
                given.appJvmArgs, given.replayOnly, given.seedOnly, given.postgresStatements, given.mode,
                given.loadSeconds != null ? given.loadSeconds : given.mode == Mode.SOAK ? 1800 : 60,
                given.faultEvery, given.sampleEvery, given.clients, given.esNodes, given.esHeap, given.queries,
                given.snapshotEvery);
    }

    /**
     * The arguments ask for no run: a refusal (exit code 2, the message says what was wrong and lists the options)
     * or {@code --help} (exit code 0, the options).
     */
    static final class NotRun extends IllegalArgumentException {
        private final int exitCode;

        NotRun(String message, int exitCode, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    /** The command line as picocli reads it; the defaults give the full run of BENCHMARKS.md. */
    @CommandLine.Command(name = "benchmark", showDefaultValues = true, sortOptions = false, sortSynopsis = false,
            description = "Family Station benchmark harness: seeds a history, replays it, loads the application with "
                    + "commands and queries, and writes the figures as JSON (see BENCHMARKS.md).")
    private static final class Arguments {
        @CommandLine.Option(names = "--help", usageHelp = true, description = "print these options and stop")
        boolean help;
        @CommandLine.Option(names = "--mode", defaultValue = "BENCHMARK", converter = ModeConverter.class,
                description = "benchmark (the measurements below), nodes (two application nodes, one killed under "
                        + "load), soak (mixed load with faults) or asof (the network as of random dates, with and "
                        + "without snapshots)")
        Mode mode;
        @CommandLine.Option(names = "--sizes", split = ",", defaultValue = "100000,1000000",
                description = "history sizes in events, comma-separated, measured one after the other, ascending")
        List<Long> sizes;
        @CommandLine.Option(names = "--stations", defaultValue = "64",
                description = "stations the commands are spread over")
        int stations;
        @CommandLine.Option(names = "--command-seconds", defaultValue = "20",
                description = "how long each command load level is sustained (after its warm-up)")
        int commandSeconds;
        @CommandLine.Option(names = "--warmup-seconds", defaultValue = "3",
                description = "un-measured load before each command level")
        int warmupSeconds;
        @CommandLine.Option(names = "--query-seconds", defaultValue = "15",
                description = "how long each query load runs")
        int querySeconds;
        @CommandLine.Option(names = "--query-warmup-seconds", defaultValue = "10",
                description = "un-measured query load before each measured one: after a replay the query paths are "
                        + "not compiled yet (a cold search costs several times a warm one), and users query a node "
                        + "that has run for days")
        int queryWarmupSeconds;
        @CommandLine.Option(names = "--query-warmup-max-seconds", defaultValue = "240",
                description = "how long the warm-up may go on until the application's CPU per query stops falling "
                        + "(its JIT compiler is done)")
        int queryWarmupMaxSeconds;
        @CommandLine.Option(names = "--ceiling-seconds", defaultValue = "8",
                description = "how long each level of the raw insert ceiling runs")
        int ceilingSeconds;
        @CommandLine.Option(names = "--replay-timeout", defaultValue = "900",
                description = "seconds a replay may take before it is reported unfinished")
        int replayTimeout;
        @CommandLine.Option(names = "--baseline-seconds", defaultValue = "60",
                description = "how long the replay with Axon's defaults is observed (it is far slower; its rate is "
                        + "what it did)")
        int baselineSeconds;
        @CommandLine.Option(names = "--lag-every", defaultValue = "10",
                description = "every how many-th command's read-side visibility is measured")
        int lagEvery;
        @CommandLine.Option(names = "--app-heap", defaultValue = "",
                description = "the application's -Xmx; empty for the JVM's default (512m in nodes and soak modes)")
        String appHeap;
        @CommandLine.Option(names = "--work-dir", defaultValue = "target/benchmark-data",
                description = "servers' data and the application's logs (emptied at the start, except with --replay-only)")
        Path workDir;
        @CommandLine.Option(names = "--out",
                description = "where the JSON report goes (default: target/benchmark-<date>.json)")
        Path out;
        @CommandLine.Option(names = "--app-jar",
                description = "the application's Boot jar (default: infra/app/target/app-*.jar)")
        Path appJar;
        @CommandLine.Option(names = "--app-jvm-args", defaultValue = "",
                description = "more options for the application's JVM, space-separated (e.g. to record a profile: "
                        + "-XX:StartFlightRecording=filename=app.jfr,settings=profile)")
        String appJvmArgs;
        @CommandLine.Option(names = "--replay-only", arity = "1", defaultValue = "false",
                description = "only rebuild the read side of the history already in --work-dir (left by an earlier "
                        + "run, not emptied) and report the replay: the quick loop for tuning projections")
        boolean replayOnly;
        @CommandLine.Option(names = "--seed-only", arity = "1", defaultValue = "false",
                description = "only seed the event store of --work-dir (emptied) to the first size, catch the "
                        + "application up behind it and stop: the history that --replay-only runs then replay, each "
                        + "on a copy of it")
        boolean seedOnly;
        @CommandLine.Option(names = "--postgres-statements", arity = "1", defaultValue = "false",
                description = "PostgreSQL counts its statements (pg_stat_statements): the heaviest ones per command "
                        + "and per replayed event in the report")
        boolean postgresStatements;
        @CommandLine.Option(names = "--load-seconds",
                description = "nodes and soak: how long the load runs (default: nodes 60, soak 1800)")
        Integer loadSeconds;
        @CommandLine.Option(names = "--fault-every", defaultValue = "300",
                description = "soak: seconds between two injected faults")
        int faultEvery;
        @CommandLine.Option(names = "--sample-every", defaultValue = "30",
                description = "soak: seconds between two samples of lag and memory")
        int sampleEvery;
        @CommandLine.Option(names = "--clients", defaultValue = "8",
                description = "nodes and soak: concurrent clients of the load")
        int clients;
        @CommandLine.Option(names = "--es-nodes", defaultValue = "2",
                description = "nodes and soak: Elasticsearch nodes (1 or 2; with 2 the indexes have a replica)")
        int esNodes;
        @CommandLine.Option(names = "--es-heap", defaultValue = "256m",
                description = "nodes and soak: each Elasticsearch node's heap")
        String esHeap;
        @CommandLine.Option(names = "--queries", defaultValue = "10",
                description = "asof: questions of each time basis asked with and without snapshots")
        int queries;
        @CommandLine.Option(names = "--snapshot-every", defaultValue = "50000",
                description = "asof: events between two snapshots of the as-of fold")
        long snapshotEvery;
    }

    private static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            return Mode.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** infra/app/target/app-*.jar, seen from the project root (exec:java) or from this module (tests). */
    private static Path findAppJar() {
        for (Path target : List.of(Path.of("infra/app/target"), Path.of("../app/target"))) {
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    var jar = files.filter(file -> file.getFileName().toString().matches("app-.*\\.jar")
                            && !file.getFileName().toString().endsWith("-plain.jar")).findFirst();
                    if (jar.isPresent()) {
                        return jar.get();
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no infra/app/target/app-*.jar: package the application first, or give --app-jar=");
    }
}

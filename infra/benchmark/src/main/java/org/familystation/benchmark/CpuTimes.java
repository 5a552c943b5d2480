package org.familystation.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by the processes of a run, by role: the application and Elasticsearch (the harness's descendants) and
 * PostgreSQL's server processes (the postmaster of {@code postmaster.pid} and its children; it detaches from the
 * harness when it starts). On a shared or busy machine wall-clock rates vary with what else runs; the
 * CPU seconds a phase costs each part vary much less, and say where the time goes. A PostgreSQL backend that exits
 * during a phase takes its CPU time with it, so PostgreSQL's figure is a lower bound.
 */
final class CpuTimes {

    private CpuTimes() {
    }

    /** CPU seconds used so far by every live process of the run, summed by role: app, elasticsearch, postgres. */
    static Map<String, Double> snapshot(long appPid, Path postgresData) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("app", 0.0);
        seconds.put("elasticsearch", 0.0);
        seconds.put("postgres", 0.0);
        ProcessHandle.current().descendants().forEach(process -> {
            String role = role(process, appPid);
            if (role != null) {
                seconds.merge(role, cpu(process), Double::sum);
            }
        });
        postmaster(postgresData).ifPresent(postmaster -> seconds.merge("postgres",
                cpu(postmaster) + postmaster.children().mapToDouble(CpuTimes::cpu).sum(), Double::sum));
        return seconds;
    }

    private static double cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0;
    }

    /** The running postmaster of that data directory: the first line of its postmaster.pid. */
    private static Optional<ProcessHandle> postmaster(Path postgresData) {
        try {
            List<String> lines = Files.readAllLines(postgresData.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException notRunning) {
            return Optional.empty();
        }
    }

    /** What {@code after} used more than {@code before}, by role, rounded to 0.1 s. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((role, seconds) -> used.put(role,
                Math.round((seconds - before.getOrDefault(role, 0.0)) * 10) / 10.0));
        return used;
    }

    private static String role(ProcessHandle process, long appPid) {
        if (process.pid() == appPid) {
            return "app";
        }
        String command = process.info().command().orElse("") + " " + process.info().commandLine().orElse("");
        if (command.contains("elasticsearch") || command.contains("org.elasticsearch")) {
            return "elasticsearch";
        }
        return null;
    }
}

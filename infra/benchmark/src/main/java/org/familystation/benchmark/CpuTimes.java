package org.familystation.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by the processes of a run (the harness's descendants: the application, Elasticsearch and
 * PostgreSQL's server processes), by role. On a shared or busy machine wall-clock rates vary with what else runs; the
 * CPU seconds a phase costs each part vary much less, and say where the time goes. A PostgreSQL backend that exits
 * during a phase takes its CPU time with it, so PostgreSQL's figure is a lower bound.
 */
final class CpuTimes {

    private CpuTimes() {
    }

    /** CPU seconds used so far by every live descendant process, summed by role: app, elasticsearch, postgres. */
    static Map<String, Double> snapshot(long appPid) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("app", 0.0);
        seconds.put("elasticsearch", 0.0);
        seconds.put("postgres", 0.0);
        ProcessHandle.current().descendants().forEach(process -> {
            String role = role(process, appPid);
            if (role != null) {
                double cpu = process.info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0;
                seconds.merge(role, cpu, Double::sum);
            }
        });
        return seconds;
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
        if (command.contains("postgres")) {
            return "postgres";
        }
        return null;
    }
}

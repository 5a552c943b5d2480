package org.familystation.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine a run is on, the targets judged against the run's figures, and the printed table. */
final class Report {

    private Report() {
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return machine;
    }

    /** The load averages over 1, 5 and 15 minutes (/proc/loadavg): how busy the shared machine was. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    /** Every target of issue 5, judged on the largest history size of the run. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> targets(Map<String, Object> report) {
        Map<String, Object> ceiling = (Map<String, Object>) report.get("ceiling");
        List<Map<String, Object>> sizes = (List<Map<String, Object>>) report.get("sizes");
        Map<String, Object> largest = sizes.get(sizes.size() - 1);
        Map<String, Object> baseline = (Map<String, Object>) report.get("baseline");
        Map<String, Object> c32 = commands(largest, 32, false);
        double oneRow32 = number(ceiling, "oneRowPerTx_c32");
        double hundredRows = number(ceiling, "hundredRowsPerTx_c4");
        double pgReplay = pgReplayRate((Map<String, Object>) largest.get("replay"));
        double baselinePgReplay = pgReplayRate((Map<String, Object>) baseline.get("replay"));
        double searchSeconds = number(searchProcessor((Map<String, Object>) largest.get("replay")), "seconds");
        double searchRate = searchSeconds > 0 ? number(largest, "serviceRecords") / searchSeconds : Double.NaN;
        double lagPg = number(lag(c32, "postgres"), "p95Ms");
        double lagSearch = number(lag(c32, "search"), "p95Ms");
        Map<String, Object> baselineCommands = (Map<String, Object>) baseline.get("commands");
        double baselineLagPg = number(lag(baselineCommands, "postgres"), "p95Ms");
        double baselineLagSearch = number(lag(baselineCommands, "search"), "p95Ms");
        String at = " (" + largest.get("events") + " events)";
        List<Map<String, Object>> targets = new ArrayList<>();
        double throughput = number(c32, "commandsPerSecond");
        target(targets, "RecordService c=32 / 1-row ceiling c=32" + at, ">= 0.50", throughput / oneRow32, 0.5, true,
                Math.round(throughput) + "/s vs " + Math.round(oneRow32) + "/s");
        target(targets, "command latency p99 at c=32 (ms)", "<= 50", number(latency(c32), "p99Ms"), 50, false, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> c32Cpu = (Map<String, Object>) c32.get("cpu");
        target(targets, "CPU per RecordService end to end at c=32 (ms)", "<= 1",
                number(c32Cpu == null ? null : (Map<String, Object>) c32Cpu.get("msPerCommand"), "total"), 1, false,
                null);
        target(targets, "read-side lag p95 to PostgreSQL at c=32 (ms)", "<= 1000", lagPg, 1000, false, null);
        target(targets, "read-side lag p95 to search at c=32 (ms)", "<= 2000", lagSearch, 2000, false, null);
        target(targets, "replay into PostgreSQL read models / 100-row ceiling", ">= 0.50", pgReplay / hundredRows, 0.5,
                true, Math.round(pgReplay) + " events/s vs " + Math.round(hundredRows) + "/s");
        target(targets, "search index rebuild (records/s)", ">= 5000", searchRate, 5000, true, null);
        target(targets, "search p95, 16 clients (ms)" + at, "<= 50",
                number(latency((Map<String, Object>) largest.get("search")), "p95Ms"), 50, false, null);
        target(targets, "dashboard p95, 16 clients (ms)" + at, "<= 20",
                number(latency((Map<String, Object>) largest.get("dashboard")), "p95Ms"), 20, false, null);
        target(targets, "heap after GC (MB)" + at, "<= 512",
                number((Map<String, Object>) largest.get("memory"), "heapUsedAfterGcMb"), 512, false, null);
        target(targets, "replay into PostgreSQL vs Axon defaults (x faster)", ">= 5", pgReplay / baselinePgReplay, 5,
                true, Math.round(pgReplay) + " vs " + Math.round(baselinePgReplay) + " events/s");
        target(targets, "lag p95 to PostgreSQL vs Axon defaults (x smaller)", ">= 5", baselineLagPg / lagPg, 5, true,
                Math.round(baselineLagPg) + " vs " + Math.round(lagPg) + " ms");
        target(targets, "lag p95 to search vs Axon defaults (x smaller)", ">= 5", baselineLagSearch / lagSearch, 5,
                true, Math.round(baselineLagSearch) + " vs " + Math.round(lagSearch) + " ms");
        return targets;
    }

    /**
     * Rebuilding all PostgreSQL read models goes as fast as its slowest projection (they run side by side); a
     * projection that none of the seeded events concern (it never had to reach the head) does not count.
     */
    @SuppressWarnings("unchecked")
    static double pgReplayRate(Map<String, Object> replay) {
        Map<String, Object> processors = (Map<String, Object>) replay.get("processors");
        return processors.entrySet().stream().filter(entry -> !ReadSide.SEARCH_PROCESSORS.contains(entry.getKey()))
                .filter(entry -> Boolean.TRUE.equals(((Map<String, Object>) entry.getValue()).get("reachedHead"))
                        || !Boolean.TRUE.equals(((Map<String, Object>) entry.getValue()).get("finished")))
                .mapToDouble(entry -> number((Map<String, Object>) entry.getValue(), "eventsPerSecond"))
                .min().orElse(Double.NaN);
    }

    private static void target(List<Map<String, Object>> targets, String figure, String target, double measured,
                               double bound, boolean atLeast, String detail) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("figure", figure);
        row.put("target", target);
        row.put("measured", Latencies.round(measured));
        if (detail != null) {
            row.put("detail", detail);
        }
        row.put("met", atLeast ? measured >= bound : measured <= bound);
        targets.add(row);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> commands(Map<String, Object> size, int clients, boolean skewed) {
        return ((List<Map<String, Object>>) size.get("commands")).stream()
                .filter(load -> ((Number) load.get("clients")).intValue() == clients && load.get("skewed").equals(skewed))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lag(Map<String, Object> load, String where) {
        return (Map<String, Object>) ((Map<String, Object>) load.get("lag")).get(where);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> latency(Map<String, Object> load) {
        return (Map<String, Object>) load.get("latency");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> processor(Map<String, Object> replay, String name) {
        return (Map<String, Object>) ((Map<String, Object>) replay.get("processors")).get(name);
    }

    /** The processor that indexes service records: the search family, or before it the index's own processor. */
    static Map<String, Object> searchProcessor(Map<String, Object> replay) {
        Map<String, Object> family = processor(replay, "search");
        return family != null ? family : processor(replay, "service-record-search");
    }

    static double number(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    /** The run as a readable table: ceiling, each size, baseline, targets. */
    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> report) {
        StringBuilder out = new StringBuilder();
        out.append("\nFamily Station benchmark, ").append(report.get("date")).append(", ").append(report.get("machine"))
                .append('\n');
        Map<String, Object> ceiling = (Map<String, Object>) report.get("ceiling");
        out.append(String.format("%nInsert ceiling (rows/s): 1 row/tx c=1 %.0f, c=8 %.0f, c=32 %.0f; 100 rows/tx c=4 %.0f%n",
                number(ceiling, "oneRowPerTx_c1"), number(ceiling, "oneRowPerTx_c8"), number(ceiling, "oneRowPerTx_c32"),
                number(ceiling, "hundredRowsPerTx_c4")));
        for (Map<String, Object> size : (List<Map<String, Object>>) report.get("sizes")) {
            out.append(String.format("%n== %s events (%s service records) ==%n", size.get("events"), size.get("serviceRecords")));
            Map<String, Object> replay = (Map<String, Object>) size.get("replay");
            out.append(String.format("replay: PostgreSQL read models %.0f events/s (%.2f of 100-row ceiling); ",
                    pgReplayRate(replay), pgReplayRate(replay) / number(ceiling, "hundredRowsPerTx_c4")));
            Map<String, Object> search = searchProcessor(replay);
            out.append(String.format("search %.0f events/s in %.1f s%n", number(search, "eventsPerSecond"),
                    number(search, "seconds")));
            for (String query : List.of("dashboard", "search", "audit")) {
                Map<String, Object> load = (Map<String, Object>) size.get(query);
                if (load == null) {
                    continue;
                }
                Map<String, Object> latency = latency(load);
                out.append(String.format("%-9s 16 clients: %5.0f q/s  p50 %6.1f  p95 %6.1f  p99 %6.1f ms  errors %s%s%n",
                        query, number(load, "queriesPerSecond"), number(latency, "p50Ms"), number(latency, "p95Ms"),
                        number(latency, "p99Ms"), load.get("errors"), queryCpu(load)));
            }
            Map<String, Object> export = (Map<String, Object>) size.get("auditExport");
            if (export != null) {
                Map<String, Object> perEntry = (Map<String, Object>) ((Map<String, Object>) export.get("cpu"))
                        .get("msPerEntry");
                out.append(String.format("audit export, the whole trail as JSON Lines: %s entries, %.1f MB in %.1f s"
                                + " (%s entries/s); CPU ms/entry %.3f = %.3f + %.3f + %.3f%n", export.get("entries"),
                        number(export, "bytes") / 1e6, number(export, "seconds"), export.get("entriesPerSecond"),
                        number(perEntry, "total"), number(perEntry, "app"), number(perEntry, "postgres"),
                        number(perEntry, "elasticsearch")));
            }
            Map<String, Object> counts = (Map<String, Object>) size.get("auditCounts");
            if (counts != null) {
                Map<String, Object> all = (Map<String, Object>) counts.get("all");
                Map<String, Object> recorded = (Map<String, Object>) counts.get("serviceRecorded");
                out.append(String.format("audit exact count, median of 3: the whole trail %s entries in %.1f ms,"
                                + " ServiceRecorded %s in %.1f ms%n", all.get("total"), number(all, "medianMs"),
                        recorded.get("total"), number(recorded, "medianMs")));
            }
            Map<String, Object> replayCpu = (Map<String, Object>) size.get("replayCpu");
            if (replayCpu != null) {
                Map<String, Object> perEvent = (Map<String, Object>) replayCpu.get("msPerEvent");
                out.append(String.format("replay CPU per event: %.3f ms (app %.3f, PostgreSQL %.3f, Elasticsearch %.3f);"
                                + " Elasticsearch %.3f ms per indexed record%n", number(perEvent, "total"),
                        number(perEvent, "app"), number(perEvent, "postgres"), number(perEvent, "elasticsearch"),
                        number(replayCpu, "elasticsearchMsPerIndexedRecord")));
            }
            out.append("RecordService          cmd/s  ratio   p50    p95    p99 ms  errors  lag PG p50/p95   lag search p50/p95 ms"
                    + "  CPU ms/cmd total = app + PG + ES (harness); net of idle\n");
            for (Map<String, Object> load : (List<Map<String, Object>>) size.get("commands")) {
                out.append(commandRow(load, ceiling));
            }
            for (Map<String, Object> load : (List<Map<String, Object>>) size.get("commands")) {
                out.append(admissionRow(load));
            }
            for (Map<String, Object> load : (List<Map<String, Object>>) size.get("commands")) {
                out.append(postgresParts(load));
            }
            // --postgres-statements: where PostgreSQL's time went in the replay and at c=32 (spread).
            Map<String, Object> replayStatements = (Map<String, Object>) size.get("replayPostgresStatements");
            if (replayStatements != null) {
                out.append("replay:\n").append(PostgresStatements.lines(replayStatements, "event", 10));
            }
            for (String query : List.of("dashboard", "search", "audit")) {
                Map<String, Object> load = (Map<String, Object>) size.get(query);
                if (load != null && load.get("postgresStatements") != null) {
                    out.append(query).append(":\n").append(PostgresStatements.lines(
                            (Map<String, Object>) load.get("postgresStatements"), "query", 6));
                }
            }
            Map<String, Object> c32 = commands(size, 32, false);
            if (c32.get("postgresStatements") != null) {
                out.append("c=32 spread:\n").append(PostgresStatements.lines(
                        (Map<String, Object>) c32.get("postgresStatements"), "command", 12));
            }
            Map<String, Object> memory = (Map<String, Object>) size.get("memory");
            out.append(String.format("memory: heap after GC %s MB (committed %s MB), RSS %s MB; after replay: %s%n",
                    memory.get("heapUsedAfterGcMb"), memory.get("heapCommittedMb"), memory.get("rssMb"),
                    size.get("memoryAfterReplay")));
        }
        Map<String, Object> baseline = (Map<String, Object>) report.get("baseline");
        if (baseline != null) {
            out.append("\n== Axon defaults (tracking, 1 segment, batch 1) ==\n");
            out.append(commandRow((Map<String, Object>) baseline.get("commands"), ceiling));
            out.append(String.format("replay: PostgreSQL read models %.0f events/s%n",
                    pgReplayRate((Map<String, Object>) baseline.get("replay"))));
        }
        List<Map<String, Object>> targets = (List<Map<String, Object>>) report.get("targets");
        if (targets != null) {
            out.append("\n== Targets ==\n");
            for (Map<String, Object> target : targets) {
                out.append(String.format("%-62s %-9s %10s %-4s %s%n", target.get("figure"), target.get("target"),
                        target.get("measured"), Boolean.TRUE.equals(target.get("met")) ? "met" : "NOT",
                        target.getOrDefault("detail", "")));
            }
        }
        out.append("\nrun took ").append(report.get("durationSeconds")).append(" s\n");
        return out.toString();
    }

    /** A query load's CPU per query end to end and by part, the harness's clients apart; empty for older reports. */
    @SuppressWarnings("unchecked")
    private static String queryCpu(Map<String, Object> load) {
        Map<String, Object> cpu = (Map<String, Object>) load.get("cpu");
        if (cpu == null) {
            return "";
        }
        Map<String, Object> perQuery = (Map<String, Object>) cpu.get("msPerQuery");
        return String.format("  CPU ms/query %.2f = %.2f + %.2f + %.2f (harness %.2f)", number(perQuery, "total"),
                number(perQuery, "app"), number(perQuery, "postgres"), number(perQuery, "elasticsearch"),
                number(cpu, "harnessMsPerQuery"));
    }

    /** A command load's PostgreSQL CPU per command by kind of process; empty for older reports. */
    @SuppressWarnings("unchecked")
    private static String postgresParts(Map<String, Object> load) {
        Map<String, Object> cpu = (Map<String, Object>) load.get("cpu");
        Map<String, Object> parts = cpu == null ? null : (Map<String, Object>) cpu.get("postgresMsPerCommand");
        if (parts == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(String.format("c=%-2d %-8s PostgreSQL CPU ms/cmd by process:",
                ((Number) load.get("clients")).intValue(),
                Boolean.TRUE.equals(load.get("skewed")) ? "skewed" : "spread"));
        parts.forEach((part, ms) -> line.append(String.format(" %s %.3f", part, ((Number) ms).doubleValue())));
        return line.append('\n').toString();
    }

    /** How the node let the load's changes in: its limit over the load (flow control) and their mean wait. */
    @SuppressWarnings("unchecked")
    private static String admissionRow(Map<String, Object> load) {
        Map<String, Object> admission = (Map<String, Object>) load.get("admission");
        if (admission == null || admission.isEmpty()) {
            return "";
        }
        return String.format("admission c=%-2d %-8s changes at once: mean %.1f, min %.0f, max %.0f (below max in %.0f%%"
                        + " of samples); mean wait for a turn %.1f ms%n", ((Number) load.get("clients")).intValue(),
                Boolean.TRUE.equals(load.get("skewed")) ? "skewed" : "spread", number(admission, "limitMean"),
                number(admission, "limitMin"), number(admission, "limitMax"),
                100 * number(admission, "shareOfSamplesBelowMax"), number(admission, "meanWaitMillis"));
    }

    @SuppressWarnings("unchecked")
    private static String commandRow(Map<String, Object> load, Map<String, Object> ceiling) {
        Map<String, Object> latency = latency(load);
        Map<String, Object> pg = lag(load, "postgres");
        Map<String, Object> search = lag(load, "search");
        int clients = ((Number) load.get("clients")).intValue();
        double ceilingAt = number(ceiling, "oneRowPerTx_c" + clients);
        Map<String, Object> cpu = (Map<String, Object>) load.get("cpu");
        Map<String, Object> perCommand = cpu == null ? null : (Map<String, Object>) cpu.get("msPerCommand");
        return String.format("c=%-2d %-8s %10.0f  %5.2f %6.1f %6.1f %6.1f  %6s  %7.0f/%-7.0f %9.0f/%-7.0f"
                        + "  %5.2f = %.2f + %.2f + %.2f (%.2f); %.2f%n", clients,
                Boolean.TRUE.equals(load.get("skewed")) ? "skewed" : "spread", number(load, "commandsPerSecond"),
                number(load, "commandsPerSecond") / ceilingAt, number(latency, "p50Ms"), number(latency, "p95Ms"),
                number(latency, "p99Ms"), load.get("errors"), number(pg, "p50Ms"), number(pg, "p95Ms"),
                number(search, "p50Ms"), number(search, "p95Ms"), number(perCommand, "total"),
                number(perCommand, "app"), number(perCommand, "postgres"), number(perCommand, "elasticsearch"),
                number(cpu, "harnessMsPerCommand"),
                number(cpu == null ? null : (Map<String, Object>) cpu.get("netMsPerCommand"), "total"));
    }
}

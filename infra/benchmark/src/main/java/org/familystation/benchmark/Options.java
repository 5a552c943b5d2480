package org.familystation.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one run measures and for how long. {@code --name=value} arguments; every one has a default that gives the full
 * run of BENCHMARKS.md.
 *
 * @param sizes              the history sizes (events in the event store) measured one after the other, ascending
 * @param stations           stations the commands are spread over
 * @param commandSeconds     how long each command load level is sustained (after its warm-up)
 * @param warmupSeconds      un-measured load before each command level
 * @param querySeconds       how long each query load runs
 * @param queryWarmupSeconds un-measured query load before each measured one: the application and Elasticsearch have
 *                           just replayed, their query paths are not compiled yet (a cold search costs several times
 *                           a warm one), and users query a node that has run for days
 * @param ceilingSeconds     how long each raw insert level runs
 * @param replayTimeout      how long a replay may take before it is reported unfinished
 * @param baselineSeconds    how long the Axon-defaults replay is observed (it is far slower; its rate is what it did)
 * @param lagEvery           every how many-th command's read-side visibility is measured
 * @param appHeap            the application's -Xmx, empty for the JVM's default
 * @param workDir            servers' data and the application's logs (emptied at the start)
 * @param out                where the JSON report goes
 * @param appJar             the application's Boot jar
 * @param appJvmArgs         more options for the application's JVM, space-separated (e.g. to record a profile:
 *                           {@code -XX:StartFlightRecording=filename=app.jfr,settings=profile})
 * @param replayOnly         only rebuild the read side of the history already in {@code workDir} (left by an earlier
 *                           run, not emptied) and report the replay: the quick loop for tuning projections
 */
record Options(List<Long> sizes, int stations, int commandSeconds, int warmupSeconds, int querySeconds,
               int queryWarmupSeconds, int ceilingSeconds, int replayTimeout, int baselineSeconds, int lagEvery, String appHeap,
               Path workDir, Path out, Path appJar, String appJvmArgs, boolean replayOnly) {

    static Options parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        List<Long> sizes = Arrays.stream(given.getOrDefault("sizes", "100000,1000000").split(","))
                .map(String::trim).map(Long::parseLong).sorted().toList();
        Path workDir = Path.of(given.getOrDefault("work-dir", "target/benchmark-data"));
        Path out = Path.of(given.getOrDefault("out",
                "target/benchmark-" + LocalDate.now(ZoneOffset.UTC) + ".json"));
        Path appJar = given.containsKey("app-jar") ? Path.of(given.get("app-jar")) : findAppJar();
        return new Options(sizes,
                Integer.parseInt(given.getOrDefault("stations", "64")),
                Integer.parseInt(given.getOrDefault("command-seconds", "20")),
                Integer.parseInt(given.getOrDefault("warmup-seconds", "3")),
                Integer.parseInt(given.getOrDefault("query-seconds", "15")),
                Integer.parseInt(given.getOrDefault("query-warmup-seconds", "10")),
                Integer.parseInt(given.getOrDefault("ceiling-seconds", "8")),
                Integer.parseInt(given.getOrDefault("replay-timeout", "900")),
                Integer.parseInt(given.getOrDefault("baseline-seconds", "60")),
                Integer.parseInt(given.getOrDefault("lag-every", "10")),
                given.getOrDefault("app-heap", ""),
                workDir, out, appJar, given.getOrDefault("app-jvm-args", ""), Boolean.parseBoolean(given.getOrDefault("replay-only", "false")));
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

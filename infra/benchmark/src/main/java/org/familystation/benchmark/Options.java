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
 * @param queryWarmupMaxSeconds how long the warm-up may go on after {@code queryWarmupSeconds} until the application's
 *                           CPU per query stops falling (its JIT compiler is done: {@link QueryLoad})
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
 * @param seedOnly           only seed the event store of {@code workDir} (emptied) to the first size and stop: the
 *                           history that {@code replayOnly} runs then replay, each on a copy of it
 * @param postgresStatements PostgreSQL counts its statements ({@link PostgresStatements}): the heaviest per command
 *                           and per replayed event in the report
 * @param mode               {@code benchmark} (the measurements above), {@code nodes} (two application nodes, one
 *                           killed under load: {@link NodesRun}), {@code soak} (mixed load with faults: {@link Soak})
 *                           or {@code asof} (the network as of random dates, with and without snapshots: {@link AsOfRun})
 * @param loadSeconds        nodes and soak: how long the load runs
 * @param faultEvery         soak: seconds between two injected faults
 * @param sampleEvery        soak: seconds between two samples of lag and memory
 * @param clients            nodes and soak: concurrent clients of the load
 * @param esNodes            nodes and soak: Elasticsearch nodes (1 or 2; with 2 the indexes have a replica)
 * @param esHeap             nodes and soak: each Elasticsearch node's heap
 * @param queries            asof: questions of each time basis asked with and without snapshots
 * @param snapshotEvery      asof: events between two snapshots of the as-of fold
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
     * the seeded history first.
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
            throw new IllegalArgumentException(refused.getMessage() + System.lineSeparator() + help, refused);
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

    /** The command line as picocli reads it; the defaults give the full run of BENCHMARKS.md. */
    @CommandLine.Command(name = "benchmark", description = "Family Station benchmark harness (see BENCHMARKS.md).")
    private static final class Arguments {
        @CommandLine.Option(names = "--sizes", split = ",", defaultValue = "100000,1000000",
                description = "history sizes in events, comma-separated")
        List<Long> sizes;
        @CommandLine.Option(names = "--stations", defaultValue = "64")
        int stations;
        @CommandLine.Option(names = "--command-seconds", defaultValue = "20")
        int commandSeconds;
        @CommandLine.Option(names = "--warmup-seconds", defaultValue = "3")
        int warmupSeconds;
        @CommandLine.Option(names = "--query-seconds", defaultValue = "15")
        int querySeconds;
        @CommandLine.Option(names = "--query-warmup-seconds", defaultValue = "10")
        int queryWarmupSeconds;
        @CommandLine.Option(names = "--query-warmup-max-seconds", defaultValue = "240")
        int queryWarmupMaxSeconds;
        @CommandLine.Option(names = "--ceiling-seconds", defaultValue = "8")
        int ceilingSeconds;
        @CommandLine.Option(names = "--replay-timeout", defaultValue = "900")
        int replayTimeout;
        @CommandLine.Option(names = "--baseline-seconds", defaultValue = "60")
        int baselineSeconds;
        @CommandLine.Option(names = "--lag-every", defaultValue = "10")
        int lagEvery;
        @CommandLine.Option(names = "--app-heap", defaultValue = "")
        String appHeap;
        @CommandLine.Option(names = "--work-dir", defaultValue = "target/benchmark-data")
        Path workDir;
        @CommandLine.Option(names = "--out")
        Path out;
        @CommandLine.Option(names = "--app-jar")
        Path appJar;
        @CommandLine.Option(names = "--app-jvm-args", defaultValue = "")
        String appJvmArgs;
        @CommandLine.Option(names = "--replay-only", arity = "1", defaultValue = "false")
        boolean replayOnly;
        @CommandLine.Option(names = "--seed-only", arity = "1", defaultValue = "false")
        boolean seedOnly;
        @CommandLine.Option(names = "--postgres-statements", arity = "1", defaultValue = "false",
                description = "PostgreSQL counts its statements (pg_stat_statements): the top ones per command and "
                        + "per replayed event in the report")
        boolean postgresStatements;
        @CommandLine.Option(names = "--mode", defaultValue = "BENCHMARK", converter = ModeConverter.class,
                description = "benchmark, nodes, soak or asof")
        Mode mode;
        @CommandLine.Option(names = "--load-seconds", description = "nodes: 60, soak: 1800")
        Integer loadSeconds;
        @CommandLine.Option(names = "--fault-every", defaultValue = "300")
        int faultEvery;
        @CommandLine.Option(names = "--sample-every", defaultValue = "30")
        int sampleEvery;
        @CommandLine.Option(names = "--clients", defaultValue = "8")
        int clients;
        @CommandLine.Option(names = "--es-nodes", defaultValue = "2")
        int esNodes;
        @CommandLine.Option(names = "--es-heap", defaultValue = "256m")
        String esHeap;
        @CommandLine.Option(names = "--queries", defaultValue = "10")
        int queries;
        @CommandLine.Option(names = "--snapshot-every", defaultValue = "50000")
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

package org.familystation.query.asof;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.Provider;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.events.station.StationOpened;
import org.familystation.query.reach.Reach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the fold's own part of an as-of answer takes from a snapshot of a large history, in memory (no store, no
 * decoding, no HTTP): the harness's world (64 stations, 13 projects, services delivered 2025-01 – 2026-10),
 * {@code -Dasof.records} service records (default 300,000), a snapshot at the end, then answers as of random dates in
 * business time and one in recorded time. Prints the figures (BENCHMARKS.md, "As of any date"); asserts nothing of
 * them. Runs only when asked ({@code -Dasof.benchmark=true}).
 */
@EnabledIfSystemProperty(named = "asof.benchmark", matches = "true")
class NetworkFoldScaleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-10-31T00:00:00Z");
    private static final int STATIONS = 64;
    private static final int PROJECTS = 13;
    private static final int ANSWERS = 15;

    @Test
    void answersFromASnapshotOfALargeHistory() {
        int records = Integer.getInteger("asof.records", 300_000);
        Random random = new Random(14);
        Instant recordedAt = Instant.parse("2026-11-01T00:00:00Z");
        long started = System.nanoTime();
        NetworkFold taking = NetworkFold.forSnapshot(SHANGHAI);
        long index = 0;
        for (int station = 0; station < STATIONS; station++) {
            taking.apply(++index, recordedAt, new StationOpened("station-" + station, "home-" + station,
                    "社区" + station, "驿站" + station, "区" + station % 11, HomeTier.STANDARD,
                    List.of(StationPoint.values()), Instant.parse("2024-06-01T00:00:00Z")));
        }
        long span = Duration.between(FROM, TO).toMinutes();
        for (int record = 0; record < records; record++) {
            int station = random.nextInt(STATIONS);
            int project = random.nextInt(PROJECTS);
            ServiceDetails details = new ServiceDetails(StationPoint.values()[project % 5], "P" + project,
                    "项目" + project, Provider.member("member-1", "公益社"),
                    FROM.plus(Duration.ofMinutes((long) (random.nextDouble() * span))), 1 + random.nextInt(30),
                    null, null, random.nextInt(3) == 0 ? null : 1 + random.nextInt(5), null);
            recordedAt = recordedAt.plusMillis(1);
            taking.apply(++index, recordedAt, new ServiceRecorded("record-" + record, "station-" + station,
                    "驿站" + station, "区" + station % 11, details, recordedAt));
        }
        long folded = System.nanoTime();
        NetworkSnapshot snapshot = taking.snapshot(index);
        long taken = System.nanoTime();

        Reach whole = new Reach(true, null, Set.of(), null, null, true);
        // CPU time of this thread beside the wall time: the machine these run on is shared and saturated.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> business = new ArrayList<>();
        List<Long> businessCpu = new ArrayList<>();
        long total = 0;
        for (int answer = 0; answer < ANSWERS; answer++) {
            Instant date = FROM.plus(Duration.ofMinutes((long) (random.nextDouble() * span)));
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            NetworkFold fold = NetworkFold.from(snapshot, SHANGHAI, date, false);
            fold.keepWithin(whole);
            total += fold.answer(date, null, TimeBasis.BUSINESS).services().total();
            businessCpu.add((threads.getCurrentThreadCpuTime() - cpu) / 1_000);
            business.add((System.nanoTime() - start) / 1_000);
        }
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        NetworkFold fold = NetworkFold.from(snapshot, SHANGHAI, null, false);
        fold.keepWithin(whole);
        assertThat(fold.answer(recordedAt, null, TimeBasis.RECORDED).services().total()).isEqualTo(records);
        long recordedCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1_000;
        long recorded = (System.nanoTime() - start) / 1_000;
        System.out.printf("ASOF-FOLD %,d records: folding them %d ms, taking the snapshot %d ms; from the snapshot,"
                        + " business-time answers (fold + answer, the first five warm the JIT) wall median %.1f ms,"
                        + " CPU median %.1f ms (wall %s µs, CPU %s µs); a recorded-time answer wall %.1f ms,"
                        + " CPU %.1f ms (%d services counted in all)%n",
                records, (folded - started) / 1_000_000, (taken - folded) / 1_000_000, median(business) / 1000.0,
                median(businessCpu) / 1000.0, business, businessCpu, recorded / 1000.0, recordedCpu / 1000.0, total);
    }

    private static long median(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros.subList(5, micros.size()));
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}

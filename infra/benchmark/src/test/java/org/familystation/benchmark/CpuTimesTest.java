package org.familystation.benchmark;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading /proc/<pid>/stat and summing a process tree's CPU: what the CPU per command and per event rest on. */
class CpuTimesTest {

    /** A postgres backend's stat line as Linux writes it (fields 14–17: utime, stime, cutime, cstime). */
    private static final String BACKEND = "4242 (postgres) S 4100 4100 4100 0 -1 4194560 6123 0 0 0 731 122 5 2 "
            + "20 0 1 0 4914465 231211008 3412 18446744073709551615 1 1 0 0 0 0 4194304 19935232 1602 0 0 0 17 1 0 0 "
            + "0 0 0 0 0 0 0 0 0 0 0";

    @Test
    void aStatLineGivesParentAndTimesInTicks() {
        CpuTimes.Stat stat = CpuTimes.Stat.parse(BACKEND);

        assertThat(stat).isEqualTo(new CpuTimes.Stat(4242, "postgres", 4100, 731, 122, 5, 2));
        assertThat(stat.withExitedChildren()).isEqualTo(860);
    }

    @Test
    void aCommandWithSpacesAndParenthesesIsReadUpToItsLastParenthesis() {
        // a thread or process may name itself anything: "(sd-pam)", "Web Content", "a) S 1 (b"
        CpuTimes.Stat stat = CpuTimes.Stat.parse("77 (a) S 1 (b) (x y)) R 12 77 77 0 -1 0 0 0 0 0 40 9 0 0 20 0 3 0 1 "
                + "1 1 1");

        assertThat(stat.command()).isEqualTo("a) S 1 (b) (x y)");
        assertThat(stat.parent()).isEqualTo(12);
        assertThat(stat.user()).isEqualTo(40);
        assertThat(stat.system()).isEqualTo(9);
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> CpuTimes.Stat.parse("no parentheses here")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTreeCountsEveryLiveDescendantAndTheExitedChildrenTheyWaitedFor() {
        Map<Long, CpuTimes.Stat> processes = Map.of(
                100L, new CpuTimes.Stat(100, "postgres", 1, 10, 5, 300, 40), // postmaster; exited backends 340
                101L, new CpuTimes.Stat(101, "postgres: checkpointer ", 100, 2, 3, 0, 0),
                102L, new CpuTimes.Stat(102, "postgres: app app 127.0.0.1(4711) idle", 100, 70, 20, 0, 0),
                103L, new CpuTimes.Stat(103, "child of a backend", 102, 1, 1, 0, 0),
                200L, new CpuTimes.Stat(200, "java", 1, 5000, 700, 0, 0)); // another tree

        assertThat(CpuTimes.tree(processes, 100)).isEqualTo(15 + 340 + 5 + 90 + 2);
        assertThat(CpuTimes.tree(processes, 200)).isEqualTo(5700);
        assertThat(CpuTimes.tree(processes, 999)).as("not running").isZero();
    }

    @Test
    void postgresTimeIsSplitByKindOfProcessFromTheirTitles() {
        Map<Long, CpuTimes.Stat> processes = Map.of(
                100L, new CpuTimes.Stat(100, "postgres", 1, 10, 5, 300, 40), // exited backends and workers: 340
                101L, new CpuTimes.Stat(101, "postgres", 100, 2, 3, 0, 0),
                102L, new CpuTimes.Stat(102, "postgres", 100, 70, 20, 0, 0),
                103L, new CpuTimes.Stat(103, "postgres", 100, 30, 10, 0, 0),
                104L, new CpuTimes.Stat(104, "postgres", 100, 6, 1, 0, 0),
                105L, new CpuTimes.Stat(105, "postgres", 100, 4, 4, 0, 0),
                106L, new CpuTimes.Stat(106, "postgres", 100, 1, 0, 0, 0),
                200L, new CpuTimes.Stat(200, "java", 1, 5000, 700, 0, 0)); // another tree
        Map<Long, String> titles = Map.of(
                101L, "postgres: checkpointer ",
                102L, "postgres: postgres familystation 127.0.0.1(47110) idle",
                103L, "postgres: postgres familystation 127.0.0.1(47112) INSERT",
                104L, "postgres: walwriter ",
                105L, "postgres: autovacuum worker familystation",
                106L, "postgres: logical replication launcher ");

        Map<String, Long> parts = CpuTimes.postgresParts(processes, 100, titles::get);

        assertThat(parts).containsExactlyEntriesOf(orderedOf("backends", 130L, "walwriter", 7L, "checkpointer", 5L,
                "bgwriter", 0L, "autovacuum", 8L, "other", 1L, "postmasterAndExited", 355L));
        assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(CpuTimes.tree(processes, 100));
        assertThat(CpuTimes.postgresParts(processes, 999, titles::get)).as("not running").isEmpty();
    }

    private static Map<String, Long> orderedOf(Object... keysAndValues) {
        Map<String, Long> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Long) keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void aPhaseCostsWhatEachPartUsedMoreDividedByTheWorkDone() {
        Map<String, Double> before = Map.of("app", 10.0, "postgres", 4.0, "elasticsearch", 2.0, "harness", 1.0);
        Map<String, Double> after = new java.util.LinkedHashMap<>(Map.of("app", 16.0, "postgres", 6.5,
                "elasticsearch", 3.5, "harness", 2.0));

        Map<String, Object> cost = CpuTimes.per(before, after, 10_000, "command");

        assertThat(cost.get("commands")).isEqualTo(10_000L);
        assertThat(cost.get("msPerCommand")).isEqualTo(Map.of("app", 0.6, "postgres", 0.25, "elasticsearch", 0.15,
                "total", 1.0));
        assertThat(cost.get("harnessMsPerCommand")).isEqualTo(0.1);
    }

    @Test
    void netOfIdleTakesOffWhatTheSystemUsesDoingNothingForAsLongAsThePhaseLasted() {
        Map<String, Double> before = Map.of("app", 0.0, "postgres", 0.0, "elasticsearch", 0.0, "harness", 0.0);
        Map<String, Double> after = Map.of("app", 3.0, "postgres", 1.0, "elasticsearch", 0.5, "harness", 0.2);
        Map<String, Object> phase = CpuTimes.per(before, after, 1_000, "command");
        // idle for 5 s: the application used 0.5 s (0.1 per second), Elasticsearch 1.0 s (more than in the phase)
        Map<String, Double> idle = Map.of("app", 0.5, "postgres", 0.0, "elasticsearch", 1.0, "harness", 0.0);

        Map<String, Object> net = CpuTimes.netOfIdle(phase, idle, 5.0, 20.0, "command");

        assertThat(net.get("idleCpuPerSecond")).isEqualTo(Map.of("app", 0.1, "postgres", 0.0, "elasticsearch", 0.2));
        assertThat(net.get("netMsPerCommand")).isEqualTo(Map.of("app", 1.0, "postgres", 1.0, "elasticsearch", 0.0,
                "total", 2.0));
    }

    @Test
    void theRunningHarnessIsFoundAndCountedApart() {
        Map<String, Double> now = CpuTimes.snapshot(-1, java.nio.file.Path.of("no-such-work-dir"));

        assertThat(now.get("harness")).isPositive();
        assertThat(now.get("app")).isZero();
        assertThat(now.get("postgres")).isZero();
    }
    @Test
    void theSystemHasSettledOnceItsProcessesStopWorkingAndNotBefore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path workDir)
            throws Exception {
        // The "application": a process that keeps a core busy for 3 s, then idles until it is stopped.
        Process busy = new ProcessBuilder("sh", "-c", "end=$(($(date +%s) + 3)); while [ $(date +%s) -lt $end ]; do :; done;"
                + " exec sleep 60").start();
        try {
            Map<String, Object> tooSoon = CpuTimes.awaitSettled(busy.pid(), workDir, 0.2, 1, 1);
            assertThat(tooSoon.get("settled")).as("still busy after 1 s").isEqualTo(false);
            @SuppressWarnings("unchecked")
            Map<String, Double> perSecond = (Map<String, Double>) tooSoon.get("cpuPerSecond");
            assertThat(perSecond.get("app")).isGreaterThan(0.2);

            Map<String, Object> settled = CpuTimes.awaitSettled(busy.pid(), workDir, 0.2, 1, 30);
            assertThat(settled.get("settled")).isEqualTo(true);
            assertThat((Double) settled.get("seconds")).as("the busy seconds left, then one quiet window")
                    .isBetween(1.0, 10.0);
        } finally {
            busy.destroy();
        }
    }
}

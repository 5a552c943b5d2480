package org.familystation.benchmark;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    private static final String JAR = "--app-jar=app.jar";

    @Test
    void defaultsGiveTheFullRun() {
        Options options = Options.parse(JAR);
        assertThat(options.sizes()).containsExactly(100_000L, 1_000_000L);
        assertThat(options.stations()).isEqualTo(64);
        assertThat(options.replayOnly()).isFalse();
        assertThat(options.seedOnly()).isFalse();
        assertThat(options.workDir()).isEqualTo(Path.of("target/benchmark-data"));
    }

    @Test
    void readsEveryGivenOption() {
        Options options = Options.parse(JAR, "--sizes=800,400", "--replay-only=true", "--seed-only=true",
                "--app-heap=512m", "--app-jvm-args=-XX:+UseG1GC -Xss1m");
        assertThat(options.sizes()).isEqualTo(List.of(400L, 800L));
        assertThat(options.replayOnly()).isTrue();
        assertThat(options.seedOnly()).isTrue();
        assertThat(options.appHeap()).isEqualTo("512m");
        assertThat(options.appJvmArgs()).isEqualTo("-XX:+UseG1GC -Xss1m");
    }

    @Test
    void theSeveralNodeModesBoundEveryHeapOnTheSharedMachine() {
        Options nodes = Options.parse(JAR, "--mode=nodes");
        assertThat(nodes.mode()).isEqualTo(Options.Mode.NODES);
        assertThat(nodes.appHeap()).isEqualTo("512m");
        assertThat(nodes.esHeap()).isEqualTo("256m");
        assertThat(nodes.esNodes()).isEqualTo(2);
        assertThat(nodes.loadSeconds()).isEqualTo(60);
        Options soak = Options.parse(JAR, "--mode=soak", "--app-heap=384m", "--fault-every=120");
        assertThat(soak.loadSeconds()).isEqualTo(1800);
        assertThat(soak.appHeap()).isEqualTo("384m");
        assertThat(soak.faultEvery()).isEqualTo(120);
        assertThat(Options.parse(JAR).appHeap()).isEmpty();
    }

    @Test
    void theAsOfModeTakesItsQuestionsAndSnapshotInterval() {
        Options asOf = Options.parse(JAR, "--mode=asof", "--queries=4", "--snapshot-every=20000");
        assertThat(asOf.mode()).isEqualTo(Options.Mode.ASOF);
        assertThat(asOf.queries()).isEqualTo(4);
        assertThat(asOf.snapshotEvery()).isEqualTo(20_000);
        assertThat(Options.parse(JAR).snapshotEvery()).isEqualTo(50_000);
    }

    @Test
    void refusesAMisspeltOptionInsteadOfRunningTheFullBenchmark() {
        assertThatThrownBy(() -> Options.parse(JAR, "--replay_only=true"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--replay_only")
                .hasMessageContaining("--replay-only");
    }

    @Test
    void refusesAValueOfTheWrongKind() {
        assertThatThrownBy(() -> Options.parse(JAR, "--stations=many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--stations");
    }

    @Test
    void answersHelpWithEveryOptionDescribedAndRunsNothing() {
        assertThatThrownBy(() -> Options.parse(JAR, "--help"))
                .isInstanceOfSatisfying(Options.NotRun.class, help -> assertThat(help.exitCode()).isZero())
                .hasMessageContaining("--replay-only")
                .hasMessageContaining("only rebuild the read side")
                .hasMessageContaining("Default: 64");
    }

    @Test
    void aRefusalExitsWithTwo() {
        assertThatThrownBy(() -> Options.parse(JAR, "--replay_only=true"))
                .isInstanceOfSatisfying(Options.NotRun.class, refused -> assertThat(refused.exitCode()).isEqualTo(2));
    }
}

package org.familystation.platform.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limit moves one step at a time: down while the read side falls behind, up once it has caught up. */
class FlowControlTest {

    private static final Duration TARGET = Duration.ofSeconds(1);
    private final ChangeAdmission admission = new ChangeAdmission(8, Duration.ofSeconds(1), "/api/imports/",
            new ObjectMapper());
    private final Deque<Object> lags = new ArrayDeque<>();
    private final FlowControl control = new FlowControl(admission, this::nextLag, TARGET, 2, 8);

    @ParameterizedTest(name = "limit {0}, {1} ms behind, {2} ms at the look before: {3} ({4})")
    @CsvSource(nullValues = "-", textBlock = """
            # limit, lag ms, lag before ms, next limit, why
            8,  1500, -,    7, 'over the target, not known to be catching up: one fewer'
            8,  1500, 1200, 7, 'over the target and further behind than before'
            8,  1500, 1500, 7, 'over the target and no less behind'
            8,  1500, 1800, 8, 'over the target but catching up: held'
            8,  1500, 1550, 8, 'over the target, a tenth of its excess closer: held'
            8,  3000, 3050, 7, 'over the target, catching up too slowly to be back in ten looks: one fewer'
            3,  4000, 3000, 2, 'down to the floor'
            2,  9000, 4000, 2, 'never below the floor'
            5,  1000, 900,  5, 'at the target: held'
            5,   700, 900,  5, 'under the target, over half of it: held'
            5,   499, 900,  6, 'under half the target: one more'
            8,     0, 0,    8, 'never above the configured limit'
            5,     -, 900,  5, 'unknown: held'
            """)
    void oneStepPerLook(int limit, Long lagMillis, Long beforeMillis, int next, String why) {
        assertThat(FlowControl.next(limit, millis(lagMillis), millis(beforeMillis), TARGET, 2, 8)).as(why)
                .isEqualTo(next);
    }

    @Test
    void aReadSideFallingBehindLowersTheLimitStepByStepAndCaughtUpRaisesItAgain() {
        lagsOf(1_200, 1_300, 1_400, 1_500, 1_600, 1_700, 1_800, 1_900);
        lookTimes(8);
        assertThat(admission.limit()).as("six steps down from 8, then held at the floor").isEqualTo(2);

        lagsOf(1_500, 900, 400, 300, 200, 100, 0, 0, 0);
        lookTimes(9);
        assertThat(admission.limit()).as("held while catching up, then one step up per look").isEqualTo(8);
    }

    @Test
    void aReadSideThatCannotBeReadLeavesTheLimitWhereItIs() {
        lagsOf(3_000, 3_500);
        lookTimes(2);
        assertThat(admission.limit()).isEqualTo(6);

        lags.add(new IllegalStateException("the database does not answer"));
        lags.add(Optional.empty());
        lookTimes(2);
        assertThat(admission.limit()).as("neither an error nor no processor moves it").isEqualTo(6);

        lagsOf(3_400);
        lookTimes(1);
        assertThat(admission.limit()).as("the look after an error does not know whether it is catching up")
                .isEqualTo(5);
    }

    @Test
    void stoppingGivesEveryTurnBack() {
        lagsOf(3_000, 3_500, 4_000);
        lookTimes(3);
        assertThat(admission.limit()).isEqualTo(5);

        control.start();
        control.stop();

        assertThat(admission.limit()).isEqualTo(8);
        assertThat(control.isRunning()).isFalse();
    }

    @Test
    void aTargetOfZeroIsOffAndTheFloorMustBeWithinTheLimit() {
        assertThat(new FlowControl(admission, Optional::empty, Duration.ZERO, 2, 8)
                .isAutoStartup()).isFalse();
        assertThat(control.isAutoStartup()).isTrue();
        assertThatThrownBy(() -> new FlowControl(admission, Optional::empty, TARGET, 0, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlowControl(admission, Optional::empty, TARGET, 9, 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itsStateSaysWhereTheLimitStandsAndWhatItSawAtItsLastLook() {
        FlowControl.State idle = control.state();
        assertThat(idle).isEqualTo(new FlowControl.State(false, 1_000, 8, 2, 8, 0, 0, null, null));

        FlowControl looking = new FlowControl(admission, () -> Optional.of(new ReadSideLag.Behind("search",
                Duration.ofMillis(1_500))), TARGET, 2, 8);
        looking.start();
        try {
            looking.look();
            FlowControl.State behind = looking.state();
            assertThat(behind.on()).isTrue();
            assertThat(behind.limit()).as("at least the one look's step down").isLessThanOrEqualTo(7);
            assertThat(behind.slowestProcessor()).isEqualTo("search");
            assertThat(behind.slowestBehindMillis()).isEqualTo(1_500L);
        } finally {
            looking.stop();
        }
        assertThat(looking.state()).as("stopped: every turn back, nothing seen")
                .isEqualTo(new FlowControl.State(false, 1_000, 8, 2, 8, 0, 0, null, null));
    }

    private Optional<ReadSideLag.Behind> nextLag() {
        Object next = lags.removeFirst();
        if (next instanceof RuntimeException failure) {
            throw failure;
        }
        @SuppressWarnings("unchecked")
        Optional<ReadSideLag.Behind> lag = (Optional<ReadSideLag.Behind>) next;
        return lag;
    }

    private void lagsOf(long... millis) {
        for (long each : millis) {
            lags.add(Optional.of(new ReadSideLag.Behind("read-models", Duration.ofMillis(each))));
        }
    }

    private void lookTimes(int times) {
        for (int i = 0; i < times; i++) {
            control.look();
        }
        assertThat(lags).as("every lag given was read").isEmpty();
    }

    private static Duration millis(Long millis) {
        return millis == null ? null : Duration.ofMillis(millis);
    }
}

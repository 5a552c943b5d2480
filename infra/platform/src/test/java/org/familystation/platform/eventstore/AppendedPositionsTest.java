package org.familystation.platform.eventstore;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppendedPositionsTest {

    @Test
    void answersTheHighestPositionAppendedDuringTheWork() {
        OptionalLong appended = AppendedPositions.during(() -> {
            AppendedPositions.appended(41);
            AppendedPositions.appended(43);
            AppendedPositions.appended(42);
        });
        assertThat(appended).hasValue(43);
    }

    @Test
    void workThatAppendedNothingAnswersEmpty() {
        assertThat(AppendedPositions.during(() -> { })).isEmpty();
    }

    @Test
    void appendsOutsideAnyWorkOrOnAnotherThreadAreNotCounted() {
        AppendedPositions.appended(7);
        OptionalLong appended = AppendedPositions.during(
                () -> CompletableFuture.runAsync(() -> AppendedPositions.appended(99)).join());
        assertThat(appended).isEmpty();
        assertThat(AppendedPositions.during(() -> { })).isEmpty();
    }

    @Test
    void nestedWorkSeesItsOwnAppendsAndTheOuterWorkSeesThemToo() {
        OptionalLong[] inner = new OptionalLong[1];
        OptionalLong outer = AppendedPositions.during(() -> {
            AppendedPositions.appended(10);
            inner[0] = AppendedPositions.during(() -> AppendedPositions.appended(12));
            AppendedPositions.appended(11);
        });
        assertThat(inner[0]).hasValue(12);
        assertThat(outer).hasValue(12);
    }

    @Test
    void failedWorkLeavesNothingBehindForTheNext() {
        assertThatThrownBy(() -> AppendedPositions.during(() -> {
            AppendedPositions.appended(5);
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(AppendedPositions.during(() -> { })).isEmpty();
    }
}

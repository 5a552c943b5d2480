package org.familystation.query.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A position is dated by the first look that saw the head at or past it. */
class HeadHistoryTest {

    @Test
    void aPositionIsDatedByTheFirstLookThatSawIt() {
        HeadHistory history = new HeadHistory(8);
        assertThat(history.reached(0)).as("before any look").isEqualTo(Long.MIN_VALUE);

        history.note(100, 10);
        history.note(200, 10);
        history.note(300, 25);
        history.note(400, 40);

        assertThat(history.reached(5)).as("already there at the oldest look").isEqualTo(100);
        assertThat(history.reached(10)).isEqualTo(100);
        assertThat(history.reached(11)).as("appended between the second and third looks").isEqualTo(300);
        assertThat(history.reached(25)).isEqualTo(300);
        assertThat(history.reached(26)).isEqualTo(400);
        assertThat(history.reached(41)).as("not in the store yet: the newest look").isEqualTo(400);
        assertThat(history.reached(40)).as("the newest head").isEqualTo(400);
    }

    @Test
    void keepsTheNewestLooksAndIgnoresAHeadThatWentBack() {
        HeadHistory history = new HeadHistory(3);
        for (int look = 1; look <= 5; look++) {
            history.note(look * 100L, look * 10L);
        }
        history.note(600, 20);

        assertThat(history.reached(1)).as("older than every look kept: the oldest kept").isEqualTo(300);
        assertThat(history.reached(35)).isEqualTo(400);
        assertThat(history.reached(50)).isEqualTo(500);
        assertThat(history.reached(45)).as("a lower head is a look that raced an earlier one: not noted")
                .isEqualTo(500);
    }
}

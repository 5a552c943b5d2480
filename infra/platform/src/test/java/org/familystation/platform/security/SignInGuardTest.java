package org.familystation.platform.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInGuardTest {

    private static final Instant START = Instant.parse("2026-12-03T02:00:00Z");

    private final MovableClock clock = new MovableClock();
    private final List<String> lockouts = new ArrayList<>();
    private final SignInGuard guard = new SignInGuard(new SignInProperties().getThrottle(), clock,
            (subject, username, address, failures, until, at) ->
                    lockouts.add(subject + " " + username + " " + failures + " " + Duration.between(at, until)),
            new MemoryFailureCounts());

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            guard.checkAllowed(username, address);
            guard.failed(username, address);
        }
    }

    private long retryAfter(String username, String address) {
        try {
            guard.checkAllowed(username, address);
            return 0;
        } catch (SignInThrottledException throttled) {
            return throttled.retryAfterSeconds();
        }
    }

    @Test
    void fiveFailuresLockTheUsernameFromAnywhereAndEachFurtherOneDoublesTheLock() {
        fail("chenjing", "10.0.0.1", 4);
        assertThatCode(() -> guard.checkAllowed("chenjing", "10.0.0.1")).doesNotThrowAnyException();
        fail("chenjing", "10.0.0.1", 1);
        assertThat(retryAfter("ChenJing", "10.0.0.2")).isEqualTo(30);
        assertThat(retryAfter("someone-else", "10.0.0.2")).isZero();

        clock.advance(Duration.ofSeconds(31));
        fail("chenjing", "10.0.0.1", 1);
        assertThat(retryAfter("chenjing", "10.0.0.3")).isEqualTo(60);
        clock.advance(Duration.ofSeconds(61));
        fail("chenjing", "10.0.0.1", 1);
        assertThat(retryAfter("chenjing", "10.0.0.3")).isEqualTo(120);
        assertThat(lockouts).containsExactly("ACCOUNT chenjing 5 PT30S", "ACCOUNT chenjing 6 PT1M",
                "ACCOUNT chenjing 7 PT2M");
    }

    @Test
    void theLockNeverExceedsTheLongest() {
        fail("chenjing", "10.0.0.1", 5);
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofHours(1).minusSeconds(1));
            fail("chenjing", "10.0.0.1", 1);
        }
        assertThat(retryAfter("chenjing", "10.0.0.1")).isEqualTo(Duration.ofMinutes(30).toSeconds());
    }

    @Test
    void theCheckSaysWhetherTheUsernameHasFailuresToForgive() {
        assertThat(guard.checkAllowed("chenjing", "10.0.0.1")).isFalse();
        fail("someone-else", "10.0.0.1", 1);
        assertThat(guard.checkAllowed("chenjing", "10.0.0.1")).as("the address's failures are not forgiven").isFalse();
        fail("ChenJing", "10.0.0.2", 1);
        assertThat(guard.checkAllowed("chenjing", "10.0.0.3")).isTrue();
        guard.succeeded("chenjing");
        assertThat(guard.checkAllowed("chenjing", "10.0.0.3")).isFalse();
    }

    @Test
    void theRightPasswordForgivesTheUsernamesFailuresButNotTheAddresss() {
        fail("chenjing", "10.0.0.1", 4);
        guard.succeeded("chenjing");
        fail("chenjing", "10.0.0.1", 4);
        assertThat(retryAfter("chenjing", "10.0.0.1")).isZero();
        for (int i = 1; i <= 22; i++) {
            fail("guess" + i, "10.0.0.1", 1);
        }
        assertThat(retryAfter("anyone", "10.0.0.1")).isEqualTo(30);
        assertThat(retryAfter("anyone", "10.0.0.2")).isZero();
        assertThat(lockouts).containsExactly("CLIENT_ADDRESS guess22 30 PT30S");
    }

    @Test
    void failuresAreForgottenAfterAnHourWithoutOne() {
        fail("chenjing", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(61));
        fail("chenjing", "10.0.0.1", 4);
        assertThat(retryAfter("chenjing", "10.0.0.1")).isZero();
    }

    @Test
    void whileLockedEvenTheRightPasswordIsRefused() {
        fail("chenjing", "10.0.0.1", 5);
        assertThatThrownBy(() -> guard.checkAllowed("chenjing", "10.0.0.9"))
                .isInstanceOf(SignInThrottledException.class);
    }

    private static final class MovableClock extends Clock {

        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package org.familystation.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The throttle's counts in one map, for tests of the throttle's rules without a database. The application keeps
 * them in PostgreSQL ({@link SharedFailureCounts}); the tests on the real servers cover that.
 */
final class MemoryFailureCounts implements FailureCounts {

    private record Stored(int count, Instant lastFailure, Instant lockedUntil) {

        boolean forgotten(Instant now, Duration memory) {
            return lastFailure.plus(memory).isBefore(now) && (lockedUntil == null || lockedUntil.isBefore(now));
        }
    }

    private final Map<String, Stored> counts = new ConcurrentHashMap<>();

    @Override
    public Failures fail(String subject, String key, Instant now, Duration memory, IntFunction<Instant> lockFor) {
        Stored after = counts.compute(subject + " " + key, (k, before) -> {
            int count = before == null || before.forgotten(now, memory) ? 1 : before.count() + 1;
            return new Stored(count, now, lockFor.apply(count));
        });
        return new Failures(after.count(), after.lockedUntil());
    }

    @Override
    public Standing standing(String account, String address, Instant now) {
        Instant latest = null;
        for (Stored stored : new Stored[] {counts.get(SignInGuard.ACCOUNT + " " + account),
                counts.get(SignInGuard.CLIENT_ADDRESS + " " + address)}) {
            if (stored != null && stored.lockedUntil() != null && stored.lockedUntil().isAfter(now)
                    && (latest == null || stored.lockedUntil().isAfter(latest))) {
                latest = stored.lockedUntil();
            }
        }
        return new Standing(latest, counts.containsKey(SignInGuard.ACCOUNT + " " + account));
    }

    @Override
    public void forgive(String subject, String key) {
        counts.remove(subject + " " + key);
    }

    @Override
    public void forgetAll() {
        counts.clear();
    }

    @Override
    public void prune(Instant now, Duration memory) {
        counts.values().removeIf(stored -> stored.forgotten(now, memory));
    }
}

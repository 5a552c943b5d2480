package org.familystation.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles guessing: counts failed sign-ins per username and per client address and, past the allowed number,
 * locks that username (from anywhere) or that address (for any username) out for a time that doubles with each
 * further failure. While locked, even the right password is refused, so a guesser learns nothing. Each lock is
 * recorded ({@link LockoutListener}). In memory: each node of a deployment counts its own.
 */
public class SignInGuard {

    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);
    /** Beyond this many remembered usernames and addresses, the ones past their memory are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final SignInProperties.Throttle settings;
    private final Clock clock;
    private final LockoutListener lockouts;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    public SignInGuard(SignInProperties.Throttle settings, Clock clock, LockoutListener lockouts) {
        this.settings = settings;
        this.clock = clock;
        this.lockouts = lockouts;
    }

    /** Refuses (with how long to wait) if the username or the address is locked out now. */
    public void checkAllowed(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(accounts.get(key(username)), now), lockedUntil(addresses.get(address), now));
        if (until != null) {
            throw new SignInThrottledException(Duration.between(now, until));
        }
    }

    /** Counts a wrong password (or an unknown username); may lock the username or the address out. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        count(accounts, key(username), settings.getAccountFailures(), now, "ACCOUNT", username, address);
        count(addresses, address, settings.getAddressFailures(), now, "CLIENT_ADDRESS", username, address);
        if (accounts.size() + addresses.size() > PRUNE_ABOVE) {
            accounts.values().removeIf(failures -> failures.forgotten(now, settings.getMemory()));
            addresses.values().removeIf(failures -> failures.forgotten(now, settings.getMemory()));
        }
    }

    /** The right password: the username's failures are forgiven (an address's are not: its next guess counts on). */
    public void succeeded(String username) {
        accounts.remove(key(username));
    }

    /** Forgets every failure and lock, as after a restart (for an operator, and for tests that provoke locks). */
    public void forgetAll() {
        accounts.clear();
        addresses.clear();
    }

    private void count(Map<String, Failures> counts, String key, int allowed, Instant now, String subject,
                       String username, String address) {
        Failures after = counts.compute(key, (k, before) -> {
            int count = before == null || before.forgotten(now, settings.getMemory()) ? 1 : before.count + 1;
            Instant lockedUntil = count < allowed ? null : now.plus(lock(count - allowed));
            return new Failures(count, now, lockedUntil);
        });
        if (after.lockedUntil != null) {
            log.warn("Sign-in locked out until {} after {} failures: {} (username {}, address {})",
                    after.lockedUntil, after.count, subject, username, address);
            lockouts.lockedOut(subject, username, address, after.count, after.lockedUntil, now);
        }
    }

    /** The first lock, doubled for each failure after it, never longer than the longest lock. */
    private Duration lock(int failuresAfterFirstLock) {
        Duration lock = settings.getFirstLock();
        for (int i = 0; i < failuresAfterFirstLock && lock.compareTo(settings.getLongestLock()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(settings.getLongestLock()) > 0 ? settings.getLongestLock() : lock;
    }

    private static Instant lockedUntil(Failures failures, Instant now) {
        return failures == null || failures.lockedUntil == null || !failures.lockedUntil.isAfter(now)
                ? null : failures.lockedUntil;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant lastFailure, Instant lockedUntil) {

        boolean forgotten(Instant now, Duration memory) {
            return lastFailure.plus(memory).isBefore(now) && (lockedUntil == null || lockedUntil.isBefore(now));
        }
    }
}

package org.familystation.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throttles guessing: counts failed sign-ins per username and per client address and, past the allowed number,
 * locks that username (from anywhere) or that address (for any username) out for a time that doubles with each
 * further failure. While locked, even the right password is refused, so a guesser learns nothing. Each lock is
 * recorded ({@link LockoutListener}). The counts are kept where every node of a deployment counts together
 * ({@link FailureCounts}): a guesser gets the allowance once, whichever node answers.
 */
public class SignInGuard {

    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);
    /** The subjects of a count and of a lockout ({@link LockoutListener}). */
    static final String ACCOUNT = "ACCOUNT";
    static final String CLIENT_ADDRESS = "CLIENT_ADDRESS";
    /** Every this many failures counted on a node, the forgotten ones are deleted. */
    private static final int PRUNE_EVERY = 1_000;

    private final SignInProperties.Throttle settings;
    private final Clock clock;
    private final LockoutListener lockouts;
    private final FailureCounts counts;
    private final AtomicInteger sincePrune = new AtomicInteger();

    public SignInGuard(SignInProperties.Throttle settings, Clock clock, LockoutListener lockouts,
                       FailureCounts counts) {
        this.settings = settings;
        this.clock = clock;
        this.lockouts = lockouts;
        this.counts = counts;
    }

    /**
     * Refuses (with how long to wait) if the username or the address is locked out now; else answers whether the
     * username has failures counted, which its right password is to forgive ({@link #succeeded}): a script signing
     * every request with the right password then costs one read here, not a read and a delete.
     */
    public boolean checkAllowed(String username, String address) {
        Instant now = clock.instant();
        FailureCounts.Standing standing = counts.standing(key(username), address, now);
        if (standing.lockedUntil() != null) {
            throw new SignInThrottledException(Duration.between(now, standing.lockedUntil()));
        }
        return standing.accountHasFailures();
    }

    /** Counts a wrong password (or an unknown username); may lock the username or the address out. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        count(ACCOUNT, key(username), settings.getAccountFailures(), now, username, address);
        count(CLIENT_ADDRESS, address, settings.getAddressFailures(), now, username, address);
        if (sincePrune.incrementAndGet() % PRUNE_EVERY == 0) {
            counts.prune(now, settings.getMemory());
        }
    }

    /** The right password: the username's failures are forgiven (an address's are not: its next guess counts on). */
    public void succeeded(String username) {
        counts.forgive(ACCOUNT, key(username));
    }

    /** Forgets every failure and lock on every node (for an operator, and for tests that provoke locks). */
    public void forgetAll() {
        counts.forgetAll();
    }

    private void count(String subject, String key, int allowed, Instant now, String username, String address) {
        FailureCounts.Failures after = counts.fail(subject, key, now, settings.getMemory(),
                count -> count < allowed ? null : now.plus(lock(count - allowed)));
        if (after.lockedUntil() != null) {
            log.warn("Sign-in locked out until {} after {} failures: {} (username {}, address {})",
                    after.lockedUntil(), after.count(), subject, username, address);
            lockouts.lockedOut(subject, username, address, after.count(), after.lockedUntil(), now);
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

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}

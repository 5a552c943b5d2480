package org.familystation.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;

/**
 * Where the sign-in throttle ({@link SignInGuard}) keeps its failures: per subject ({@code ACCOUNT} with the username
 * in lower case, {@code CLIENT_ADDRESS} with the address) a count, the last failure and a lock. Every node of a
 * deployment must see the same counts ({@link SharedFailureCounts}, in PostgreSQL), or a guesser gets the allowance
 * once per node.
 */
public interface FailureCounts {

    /** A subject's failures after one more, and the lock they earned (null: none). */
    record Failures(int count, Instant lockedUntil) {
    }

    /**
     * Counts one more failure at {@code now}, from one again when the earlier ones are forgotten (none within
     * {@code memory} and no lock left), and sets the lock {@code lockFor} gives for the new count, atomically: two
     * nodes counting at once count two.
     */
    Failures fail(String subject, String key, Instant now, Duration memory, IntFunction<Instant> lockFor);

    /**
     * What a sign-in attempt finds: the later of the account's and the address's locks if either lasts beyond now
     * (else null), and whether the account has failures counted that a right password would forgive.
     */
    record Standing(Instant lockedUntil, boolean accountHasFailures) {
    }

    /** The account's and the address's {@link Standing} at {@code now}, read at once. */
    Standing standing(String account, String address, Instant now);

    /** Forgets a subject's failures. */
    void forgive(String subject, String key);

    /** Forgets every failure and lock. */
    void forgetAll();

    /** Drops what is forgotten anyway: no failure within {@code memory} and no lock left. */
    void prune(Instant now, Duration memory);
}

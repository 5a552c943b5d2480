package org.familystation.platform.security;

import java.time.Instant;

/**
 * Told of every lock {@link SignInGuard} sets, to record it in the history (the account feature writes it to the
 * event store, and so to the audit trail).
 *
 * @param subject {@code ACCOUNT} (the username is locked, from anywhere) or {@code CLIENT_ADDRESS}
 */
public interface LockoutListener {

    void lockedOut(String subject, String username, String clientAddress, int failures, Instant lockedUntil,
                   Instant lockedAt);
}

package org.familystation.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Repeated failed sign-ins locked out a username or a client address until {@code lockedUntil}: {@code subject} is
 * {@code ACCOUNT} (every sign-in as {@code username} is refused, from anywhere) or {@code CLIENT_ADDRESS} (every
 * sign-in from {@code clientAddress}). {@code username} is the one last tried, known to the system or not.
 */
@Revision("1")
public record SignInLockedOut(
        String subject,
        String username,
        String clientAddress,
        int failures,
        Instant lockedUntil,
        Instant lockedAt) implements SignInEvent {
}

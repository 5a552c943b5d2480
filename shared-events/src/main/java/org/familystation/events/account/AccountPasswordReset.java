package org.familystation.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An administrator set a new password (its hash here); the holder must change it at their next sign-in. */
@Revision("1")
public record AccountPasswordReset(
        String accountId,
        String username,
        String passwordHash,
        Instant resetAt) implements AccountEvent {
}

package org.familystation.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The holder of an account changed their own password (its hash here), giving the current one. */
@Revision("1")
public record AccountPasswordChanged(
        String accountId,
        String username,
        String passwordHash,
        Instant changedAt) implements AccountEvent {
}

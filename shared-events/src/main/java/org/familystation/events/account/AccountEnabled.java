package org.familystation.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An administrator enabled a disabled account again. */
@Revision("1")
public record AccountEnabled(
        String accountId,
        String username,
        Instant enabledAt) implements AccountEvent {
}

package org.familystation.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An administrator disabled an account, for the reason given: it can no longer sign in. */
@Revision("1")
public record AccountDisabled(
        String accountId,
        String username,
        String reason,
        Instant disabledAt) implements AccountEvent {
}

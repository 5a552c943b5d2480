package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Disable an account, for a reason: it can no longer sign in, and its sessions end. */
public record DisableAccount(@TargetAggregateIdentifier String accountId, String reason) {
}

package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enable a disabled account again. */
public record EnableAccount(@TargetAggregateIdentifier String accountId) {
}

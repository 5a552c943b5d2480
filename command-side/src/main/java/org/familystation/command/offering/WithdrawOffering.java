package org.familystation.command.offering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an offering, for a reason: services can no longer be recorded under it. */
public record WithdrawOffering(@TargetAggregateIdentifier String offeringId, String reason) {
}

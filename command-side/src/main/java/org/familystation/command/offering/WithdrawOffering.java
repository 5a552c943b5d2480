package org.familystation.command.offering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Withdraw an offering, for a reason: services can no longer be recorded under it. */
public record WithdrawOffering(@TargetAggregateIdentifier String offeringId, String reason) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}

package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** The station withdraws its referral before it is resolved, for a reason. */
public record WithdrawReferral(
        @TargetAggregateIdentifier String referralId,
        String reason) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Referral(referralId, false, Place.noAggregate(referralId));
    }
}

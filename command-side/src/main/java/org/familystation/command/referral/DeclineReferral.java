package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** The centre declines a referral made to it, for a reason. */
public record DeclineReferral(
        @TargetAggregateIdentifier String referralId,
        String reason) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Referral(referralId, true, Place.noAggregate(referralId));
    }
}

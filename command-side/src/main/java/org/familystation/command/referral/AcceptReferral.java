package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * The centre accepts a referral made to it.
 */
public record AcceptReferral(
        @TargetAggregateIdentifier String referralId) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Referral(referralId, true, Place.noAggregate(referralId));
    }
}

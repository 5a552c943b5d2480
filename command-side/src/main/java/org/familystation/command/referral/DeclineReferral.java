package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.util.Objects;

/** The centre declines a referral made to it, for a reason. */
public record DeclineReferral(
        @TargetAggregateIdentifier String referralId,
        Reason reason) implements ScopedCommand {

    public DeclineReferral {
        Objects.requireNonNull(reason, "reason");
    }

    /** The command from what a client sent. */
    public static DeclineReferral read(String referralId, String reason) {
        return new DeclineReferral(referralId, new Reason(reason));
    }

    @Override
    public Place actsAt() {
        return new Place.Referral(referralId, true, Place.noAggregate(referralId));
    }
}

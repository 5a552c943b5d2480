package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.util.Objects;

/** The station withdraws its referral before it is resolved, for a reason. */
public record WithdrawReferral(
        @TargetAggregateIdentifier String referralId,
        Reason reason) implements ScopedCommand {

    public WithdrawReferral {
        Objects.requireNonNull(reason, "reason");
    }

    /** The command from what a client sent. */
    public static WithdrawReferral read(String referralId, String reason) {
        return new WithdrawReferral(referralId, new Reason(reason));
    }

    @Override
    public Place actsAt() {
        return new Place.Referral(referralId, false, Place.noAggregate(referralId));
    }
}

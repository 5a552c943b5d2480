package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** The centre resolves the case, saying what came of it. */
public record ResolveReferral(
        @TargetAggregateIdentifier String referralId,
        String outcome) implements ScopedCommand {

    static final int MAX_OUTCOME = 2_000;

    public ResolveReferral {
        outcome = Rules.requiredText(outcome, MAX_OUTCOME, ReferralRefusals.OUTCOME_REQUIRED, "outcome");
    }

    @Override
    public Place actsAt() {
        return new Place.Referral(referralId, true, Place.noAggregate(referralId));
    }
}

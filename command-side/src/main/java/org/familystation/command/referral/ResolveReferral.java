package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The centre resolves the case, saying what came of it ({@code actingCentre}: see {@link AcceptReferral}). */
public record ResolveReferral(
        @TargetAggregateIdentifier String referralId,
        String outcome,
        String actingCentre) {
}

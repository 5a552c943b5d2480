package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The centre declines a referral made to it, for a reason ({@code actingCentre}: see {@link AcceptReferral}). */
public record DeclineReferral(
        @TargetAggregateIdentifier String referralId,
        String reason,
        String actingCentre) {
}

package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The centre starts working an accepted referral ({@code actingCentre}: see {@link AcceptReferral}). */
public record StartReferralWork(
        @TargetAggregateIdentifier String referralId,
        String actingCentre) {
}

package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The centre closes a resolved referral: the loop is complete ({@code actingCentre}: see {@link AcceptReferral}). */
public record CloseReferral(
        @TargetAggregateIdentifier String referralId,
        String actingCentre) {
}

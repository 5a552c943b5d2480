package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The centre accepts a referral made to it.
 *
 * @param actingCentre the centre the sender works for (their unit), or null for someone who may act for every
 *                     centre (the federation's administrators); set from the signed-in user, never from the request
 */
public record AcceptReferral(
        @TargetAggregateIdentifier String referralId,
        String actingCentre) {
}

package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The station withdraws its referral before it is resolved, for a reason. */
public record WithdrawReferral(
        @TargetAggregateIdentifier String referralId,
        String reason) {
}

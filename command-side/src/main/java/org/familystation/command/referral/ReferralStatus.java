package org.familystation.command.referral;

/** Where a referral stands in its lifecycle. */
public enum ReferralStatus {
    REFERRED, ACCEPTED, DECLINED, IN_PROGRESS, RESOLVED, CLOSED, WITHDRAWN
}

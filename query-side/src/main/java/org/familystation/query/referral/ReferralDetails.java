package org.familystation.query.referral;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.familystation.events.common.ConsentMethod;

/** One referral in full: its overview (in the same JSON object) and the case as the station and centre wrote it. */
public record ReferralDetails(
        @JsonUnwrapped ReferralOverview referral,
        String summary,
        ConsentMethod consentMethod,
        String consentMethodLabel,
        String declineReason,
        String outcome,
        String withdrawalReason) {
}

package org.familystation.events.referral;

import org.familystation.events.common.CityCentre;

/**
 * Everything that can happen to a referral (转介): a station refers a case to a city centre, and the centre works
 * it to an outcome — referred → accepted | declined; accepted → work started → resolved → closed; or withdrawn by
 * the station before it is resolved. A referral not accepted in time is flagged as overdue.
 */
public sealed interface ReferralEvent permits CaseReferred, ReferralAccepted, ReferralDeclined, ReferralWorkStarted,
        ReferralResolved, ReferralClosed, ReferralWithdrawn, ReferralAcceptanceOverdue {

    String referralId();

    String stationId();

    CityCentre centre();
}

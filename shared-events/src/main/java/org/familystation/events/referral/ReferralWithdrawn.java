package org.familystation.events.referral;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;

import java.time.Instant;

/** The station withdrew the referral before it was resolved, for the reason given. */
@Revision("1")
public record ReferralWithdrawn(
        @DataSubject(DataSubjectKind.REFERRAL) String referralId,
        String stationId,
        CityCentre centre,
        @PersonalData String reason,
        Instant withdrawnAt) implements ReferralEvent {
}

package org.familystation.events.referral;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;

import java.time.Instant;

/** The centre declined the referral, for the reason given; the case goes back to the station. */
@Revision("1")
public record ReferralDeclined(
        @DataSubject(DataSubjectKind.REFERRAL) String referralId,
        String stationId,
        CityCentre centre,
        @PersonalData String reason,
        Instant declinedAt) implements ReferralEvent {
}

package org.familystation.events.referral;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;

import java.time.Instant;

/** The centre resolved the case, with the outcome it reached. */
@Revision("1")
public record ReferralResolved(
        @DataSubject(DataSubjectKind.REFERRAL) String referralId,
        String stationId,
        CityCentre centre,
        @PersonalData String outcome,
        Instant resolvedAt) implements ReferralEvent {
}

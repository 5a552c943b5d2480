package org.familystation.events.referral;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ConsentMethod;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;

import java.time.Instant;

/**
 * A station referred a case to a city centre, with the consent of the person it is about. The summary is personal
 * data: it is kept here because this is the record, and shown only where one referral is read in full. Station
 * name, district and category name are those at the time; {@code acceptanceDueBy} is when the centre should have
 * accepted it, by the limit in force when it was referred.
 */
@Revision("1")
public record CaseReferred(
        @DataSubject(DataSubjectKind.REFERRAL) String referralId,
        String stationId,
        String stationName,
        String district,
        CityCentre centre,
        String categoryCode,
        String categoryName,
        @PersonalData String summary,
        ConsentMethod consentMethod,
        Instant referredAt,
        Instant acceptanceDueBy) implements ReferralEvent {
}

package org.familystation.events.alliance;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;
import org.familystation.events.common.UnifiedSocialCreditCode;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;

import java.time.Instant;

/** An organisation applied to join an alliance; it now awaits review (审核). */
@Revision("1")
public record AllianceMembershipApplied(
        @DataSubject(DataSubjectKind.MEMBER_CONTACT) String memberId,
        Alliance alliance,
        String organisationName,
        OrganisationType organisationType,
        UnifiedSocialCreditCode creditCode,
        @PersonalData String contactPerson,
        @PersonalData String contactPhone,
        Instant appliedAt) implements AllianceMemberEvent {
}

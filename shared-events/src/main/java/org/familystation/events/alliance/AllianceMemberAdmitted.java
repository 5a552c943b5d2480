package org.familystation.events.alliance;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.UnifiedSocialCreditCode;

import java.time.Instant;

/** The organisation was admitted to the alliance and may now deliver services through the network. */
@Revision("1")
public record AllianceMemberAdmitted(
        String memberId,
        Alliance alliance,
        String organisationName,
        UnifiedSocialCreditCode creditCode,
        String conventionVersion,
        Instant admittedAt) implements AllianceMemberEvent {
}

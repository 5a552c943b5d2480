package org.familystation.events.alliance;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.Alliance;

import java.time.Instant;

/** The organisation signed a version of the alliance convention (签署联盟公约). */
@Revision("1")
public record AllianceConventionSigned(
        String memberId,
        Alliance alliance,
        String conventionVersion,
        String signatory,
        Instant signedAt) implements AllianceMemberEvent {
}

package org.familystation.events.alliance;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.Alliance;

import java.time.Instant;

/** The review approved the application; the organisation must now sign the alliance convention. */
@Revision("1")
public record AllianceApplicationApproved(
        String memberId,
        Alliance alliance,
        String reviewerNotes,
        Instant reviewedAt) implements AllianceMemberEvent {
}

package org.familystation.events.alliance;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.Alliance;

import java.time.Instant;

/** The review rejected the application, for the reason given. */
@Revision("1")
public record AllianceApplicationRejected(
        String memberId,
        Alliance alliance,
        String reason,
        Instant reviewedAt) implements AllianceMemberEvent {
}

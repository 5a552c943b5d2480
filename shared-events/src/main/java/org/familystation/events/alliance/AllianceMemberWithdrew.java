package org.familystation.events.alliance;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.Alliance;

import java.time.Instant;

/** The member withdrew from the alliance (退出联盟) of its own accord; it may apply again later. */
@Revision("1")
public record AllianceMemberWithdrew(
        String memberId,
        Alliance alliance,
        String organisationName,
        String reason,
        Instant withdrawnAt) implements AllianceMemberEvent {
}

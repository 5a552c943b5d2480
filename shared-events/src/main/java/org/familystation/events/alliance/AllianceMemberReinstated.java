package org.familystation.events.alliance;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.Alliance;

import java.time.Instant;

/** A suspended member was reinstated (恢复成员资格), having signed the convention that was current then. */
@Revision("1")
public record AllianceMemberReinstated(
        String memberId,
        Alliance alliance,
        String organisationName,
        String reason,
        String conventionVersion,
        Instant reinstatedAt) implements AllianceMemberEvent {
}

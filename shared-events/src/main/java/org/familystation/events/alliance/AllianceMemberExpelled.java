package org.familystation.events.alliance;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.UnifiedSocialCreditCode;

import java.time.Instant;

/**
 * The member was expelled from the alliance (开除出盟); the organisation (its credit code) may not apply to this
 * alliance again before {@code reapplicationBannedUntil}.
 */
@Revision("1")
public record AllianceMemberExpelled(
        String memberId,
        Alliance alliance,
        String organisationName,
        UnifiedSocialCreditCode creditCode,
        String reason,
        Instant expelledAt,
        Instant reapplicationBannedUntil) implements AllianceMemberEvent {
}

package org.familystation.events.alliance;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.Alliance;

import java.time.Instant;

/**
 * The member was suspended (暂停成员资格): it may not deliver services until it is reinstated.
 *
 * @param unsignedConventionVersion the convention version it failed to sign within the grace period, when that is
 *                                  why (an automatic suspension); null for a suspension decided by a person
 */
@Revision("1")
public record AllianceMemberSuspended(
        String memberId,
        Alliance alliance,
        String organisationName,
        String reason,
        String unsignedConventionVersion,
        Instant suspendedAt) implements AllianceMemberEvent {
}

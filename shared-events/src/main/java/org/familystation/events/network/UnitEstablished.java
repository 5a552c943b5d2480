package org.familystation.events.network;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;

import java.time.Instant;

/**
 * An organisation unit joined the network under its parent. {@code district} is set for units of one district
 * (branch centres, community homes); {@code tier} only for community homes.
 */
@Revision("1")
public record UnitEstablished(
        String unitId,
        UnitLevel level,
        String name,
        String parentUnitId,
        String district,
        HomeTier tier,
        Instant establishedAt) implements OrganisationUnitEvent {
}

package org.familystation.query.people;

import org.familystation.events.common.UnitLevel;

import java.time.Instant;

/**
 * A federation staff member and the unit they work at (names as at registration), and how many services that stand
 * name them.
 */
public record FederationStaffView(
        String staffId,
        String name,
        String phone,
        String unitId,
        String unitName,
        UnitLevel unitLevel,
        String unitLevelLabel,
        String district,
        Instant registeredAt,
        long services) {
}

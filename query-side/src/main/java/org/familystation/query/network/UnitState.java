package org.familystation.query.network;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;

import java.time.Instant;

/**
 * A unit of the network as its events leave it ({@link UnitFold}): what {@code rm_org_unit} holds of it.
 *
 * @param tier      a community home's current tier; null for other levels
 * @param reratedAt when the home was last re-rated; null if never
 */
public record UnitState(
        String unitId,
        UnitLevel level,
        String name,
        String parentUnitId,
        String district,
        HomeTier tier,
        Instant establishedAt,
        Instant reratedAt) {
}

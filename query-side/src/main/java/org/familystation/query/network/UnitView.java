package org.familystation.query.network;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;

import java.time.Instant;

/** An organisation unit of the network. */
public record UnitView(String unitId, UnitLevel level, String levelLabel, String name, String parentUnitId,
                       String district, HomeTier tier, Instant establishedAt, Instant reratedAt) {
}

package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a Family Station at a community home (开设家庭驿站). All five station points start active. */
public record OpenStation(
        @TargetAggregateIdentifier String stationId,
        String communityHomeId,
        String communityHomeName,
        String stationName,
        String district,
        String homeTier) {
}

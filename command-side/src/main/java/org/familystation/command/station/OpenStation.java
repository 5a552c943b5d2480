package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * Open a Family Station at a community home (开设家庭驿站). The home must be a unit of the network; its name,
 * district and tier are recorded with the opening. All five station points start active.
 */
public record OpenStation(
        @TargetAggregateIdentifier String stationId,
        String communityHomeId,
        String stationName) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Unit(communityHomeId,
                Place.refusedField(StationRefusals.COMMUNITY_HOME_UNKNOWN, "communityHomeId", communityHomeId));
    }
}

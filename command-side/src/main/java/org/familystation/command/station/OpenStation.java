package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/**
 * Open a Family Station at a community home (开设家庭驿站). The home must be a unit of the network; its name,
 * district and tier are recorded with the opening. All five station points start active.
 *
 * @param openedAt when the station opened in the world (business time); now when not given
 */
public record OpenStation(
        @TargetAggregateIdentifier String stationId,
        String communityHomeId,
        String stationName,
        Instant openedAt) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Unit(communityHomeId,
                Place.refusedField(StationRefusals.COMMUNITY_HOME_UNKNOWN, "communityHomeId", communityHomeId));
    }
}

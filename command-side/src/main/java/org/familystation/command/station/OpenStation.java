package org.familystation.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Open a Family Station at a community home (开设家庭驿站), as read from what was sent by {@link #read}. The home must
 * be a unit of the network; its name, district and tier are recorded with the opening. All five station points
 * start active.
 *
 * @param communityHomeId the home's id, trimmed
 * @param openedAt        when the station opened in the world (business time)
 */
public record OpenStation(
        @TargetAggregateIdentifier String stationId,
        String communityHomeId,
        String stationName,
        Instant openedAt) implements ScopedCommand {

    static final int MAX_NAME = 100;

    public OpenStation {
        stationId = Rules.uuid(stationId, CommonRefusals.ID_INVALID, "stationId");
        if (communityHomeId == null || communityHomeId.isBlank()) {
            throw DomainException.refuseField(StationRefusals.COMMUNITY_HOME_ID_REQUIRED, "communityHomeId");
        }
        communityHomeId = communityHomeId.strip();
        stationName = Rules.requiredText(stationName, MAX_NAME, StationRefusals.STATION_NAME_INVALID, "stationName");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    /**
     * The command from what a client sent.
     *
     * @param openedAt when the station opened; now when not given
     */
    public static OpenStation read(String stationId, String communityHomeId, String stationName, Instant openedAt,
                                   Clock clock) {
        return new OpenStation(stationId, communityHomeId, stationName, Rules.happenedAt(openedAt, clock, "openedAt"));
    }

    @Override
    public Place actsAt() {
        return new Place.Unit(communityHomeId,
                Place.refusedField(StationRefusals.COMMUNITY_HOME_UNKNOWN, "communityHomeId", communityHomeId));
    }
}

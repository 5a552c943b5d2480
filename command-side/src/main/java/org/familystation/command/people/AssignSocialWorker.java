package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Assign a social worker to an open station; one station at a time (release from the last one first). */
public record AssignSocialWorker(@TargetAggregateIdentifier String socialWorkerId, String stationId)
        implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Station(stationId,
                Place.refusedField(CommonRefusals.STATION_UNKNOWN, "stationId", stationId));
    }
}

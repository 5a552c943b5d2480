package org.familystation.command.servicerecord;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Record a service delivered at a station (服务记录), as read by {@link ServiceInput#record}. */
public record RecordService(
        @TargetAggregateIdentifier String serviceRecordId,
        String stationId,
        ServiceEntry service) implements ScopedCommand {

    public RecordService {
        serviceRecordId = Rules.uuid(serviceRecordId, CommonRefusals.ID_INVALID, "serviceRecordId");
    }

    @Override
    public Place actsAt() {
        return new Place.Station(stationId, Place.refused(CommonRefusals.STATION_UNKNOWN, stationId));
    }
}

package org.familystation.command.servicerecord;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a service delivered at a station (服务记录). */
public record RecordService(
        @TargetAggregateIdentifier String serviceRecordId,
        String stationId,
        ServiceInput service) {
}

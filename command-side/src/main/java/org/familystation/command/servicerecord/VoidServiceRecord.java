package org.familystation.command.servicerecord;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Declare a service record void: it should not have been recorded. */
public record VoidServiceRecord(
        @TargetAggregateIdentifier String serviceRecordId,
        Reason reason) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.ServiceRecord(serviceRecordId, Place.noAggregate(serviceRecordId));
    }
}

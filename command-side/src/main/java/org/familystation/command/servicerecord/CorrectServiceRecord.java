package org.familystation.command.servicerecord;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * Correct a service record: the fields given in {@code changes} (read by {@link ServiceInput#changes}) replace
 * the recorded ones, for a reason.
 */
public record CorrectServiceRecord(
        @TargetAggregateIdentifier String serviceRecordId,
        ServiceEntry changes,
        Reason reason) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.ServiceRecord(serviceRecordId, Place.noAggregate(serviceRecordId));
    }
}

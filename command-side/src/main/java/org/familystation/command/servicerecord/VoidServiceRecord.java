package org.familystation.command.servicerecord;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Declare a service record void: it should not have been recorded. */
public record VoidServiceRecord(
        @TargetAggregateIdentifier String serviceRecordId,
        String reason) {
}

package org.familystation.command.servicerecord;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Correct a service record: the fields given in {@code changes} replace the recorded ones, for a reason. */
public record CorrectServiceRecord(
        @TargetAggregateIdentifier String serviceRecordId,
        ServiceInput changes,
        String reason) {
}

package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assign a social worker to an open station; one station at a time (release from the last one first). */
public record AssignSocialWorker(@TargetAggregateIdentifier String socialWorkerId, String stationId) {
}

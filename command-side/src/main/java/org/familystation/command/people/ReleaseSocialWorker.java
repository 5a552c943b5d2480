package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Release a social worker from the station they are assigned to, for a reason. */
public record ReleaseSocialWorker(@TargetAggregateIdentifier String socialWorkerId, String reason) {
}

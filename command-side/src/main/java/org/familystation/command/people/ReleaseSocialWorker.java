package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Release a social worker from the station they are assigned to, for a reason. */
public record ReleaseSocialWorker(@TargetAggregateIdentifier String socialWorkerId, String reason)
        implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.SocialWorker(socialWorkerId, Place.noAggregate(socialWorkerId));
    }
}

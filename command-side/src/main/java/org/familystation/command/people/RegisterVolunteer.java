package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * Register a volunteer (巾帼志愿者) under a volunteer number unique across the city.
 *
 * @param homeUnitId the unit the volunteer belongs to (usually a community home), or null
 */
public record RegisterVolunteer(
        @TargetAggregateIdentifier String volunteerId,
        String name,
        String volunteerNumber,
        String phone,
        String homeUnitId) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return homeUnitId == null || homeUnitId.isBlank() ? Place.network()
                : new Place.Unit(homeUnitId.strip(),
                Place.refusedField(PeopleRefusals.UNIT_UNKNOWN, "homeUnitId", homeUnitId));
    }
}

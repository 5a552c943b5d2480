package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

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
        String homeUnitId) {
}

package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.util.Objects;

/**
 * Register a volunteer (巾帼志愿者) under a volunteer number unique across the city.
 *
 * @param phone      null when none is given
 * @param homeUnitId the unit the volunteer belongs to (usually a community home), or null
 */
public record RegisterVolunteer(
        @TargetAggregateIdentifier String volunteerId,
        PersonName name,
        VolunteerNumber volunteerNumber,
        Phone phone,
        String homeUnitId) implements ScopedCommand {

    public RegisterVolunteer {
        volunteerId = Rules.uuid(volunteerId, CommonRefusals.ID_INVALID, "volunteerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(volunteerNumber, "volunteerNumber");
        homeUnitId = homeUnitId == null || homeUnitId.isBlank() ? null : homeUnitId;
    }

    /** The command from what a client sent. */
    public static RegisterVolunteer read(String volunteerId, String name, String volunteerNumber, String phone,
                                         String homeUnitId) {
        return new RegisterVolunteer(volunteerId, new PersonName(name), new VolunteerNumber(volunteerNumber),
                Phone.of(phone), homeUnitId);
    }

    @Override
    public Place actsAt() {
        return homeUnitId == null ? Place.network()
                : new Place.Unit(homeUnitId.strip(),
                Place.refusedField(PeopleRefusals.UNIT_UNKNOWN, "homeUnitId", homeUnitId));
    }
}

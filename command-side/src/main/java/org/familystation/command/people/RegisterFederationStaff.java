package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.util.Objects;

/**
 * Register a federation staff member (妇女工作者) with the unit they work at.
 *
 * @param phone null when none is given
 */
public record RegisterFederationStaff(
        @TargetAggregateIdentifier String staffId,
        PersonName name,
        Phone phone,
        String unitId) implements ScopedCommand {

    public RegisterFederationStaff {
        staffId = Rules.uuid(staffId, CommonRefusals.ID_INVALID, "staffId");
        Objects.requireNonNull(name, "name");
    }

    /** The command from what a client sent. */
    public static RegisterFederationStaff read(String staffId, String name, String phone, String unitId) {
        return new RegisterFederationStaff(staffId, new PersonName(name), Phone.of(phone), unitId);
    }

    @Override
    public Place actsAt() {
        return new Place.Unit(unitId, Place.refusedField(PeopleRefusals.UNIT_UNKNOWN, "unitId", unitId));
    }
}

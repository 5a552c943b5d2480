package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Register a federation staff member (妇女工作者) with the unit they work at. */
public record RegisterFederationStaff(
        @TargetAggregateIdentifier String staffId,
        String name,
        String phone,
        String unitId) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Unit(unitId, Place.refusedField(PeopleRefusals.UNIT_UNKNOWN, "unitId", unitId));
    }
}

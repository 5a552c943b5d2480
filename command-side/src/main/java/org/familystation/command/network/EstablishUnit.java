package org.familystation.command.network;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * Establish an organisation unit under its parent: the federation (no parent), the operations headquarters, a
 * branch centre (district or street/town), a community home (with its tier) or a city centre.
 */
public record EstablishUnit(
        @TargetAggregateIdentifier String unitId,
        String level,
        String name,
        String parentUnitId,
        String district,
        String tier) implements ScopedCommand {

    /**
     * A community home or a street/town branch centre is established under a unit (a branch centre may do that in
     * its district); the units above them and the city centres are the whole network's.
     */
    @Override
    public Place actsAt() {
        boolean underBranch = "COMMUNITY_HOME".equals(level == null ? null : level.strip())
                || ("BRANCH_CENTRE".equals(level == null ? null : level.strip()) && parentUnitId != null);
        return underBranch ? new Place.Unit(parentUnitId,
                Place.refusedField(NetworkRefusals.PARENT_UNKNOWN, "parentUnitId", parentUnitId)) : Place.network();
    }
}

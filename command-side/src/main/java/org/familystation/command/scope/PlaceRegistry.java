package org.familystation.command.scope;

import org.familystation.events.common.UnitLevel;

import java.util.List;
import java.util.Optional;

/** Where things are in the unit tree, as the command side's registries know it. */
public interface PlaceRegistry {

    /** The unit the thing belongs to, or empty when it does not exist. Never called for the network. */
    Optional<Location> locate(Place.Thing place);

    /** The unit's level, or empty when the unit does not exist. */
    Optional<UnitLevel> level(String unitId);

    /** The unit and every unit above it, nearest first; empty when the unit does not exist. */
    List<String> unitAndAncestors(String unitId);

    /**
     * Where a thing belongs.
     *
     * @param unitId the unit, or null for a thing of the whole network (an allocation to a project, an unassigned
     *               social worker)
     * @param centre for a referral, the city centre it is addressed to; otherwise null
     */
    record Location(String unitId, String centre) {

        static Location wholeNetwork() {
            return new Location(null, null);
        }
    }
}

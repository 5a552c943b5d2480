package org.familystation.query.network;

import org.familystation.events.network.CommunityHomeRerated;
import org.familystation.events.network.OrganisationUnitEvent;
import org.familystation.events.network.UnitEstablished;

/**
 * What each event of a unit does to it: the one statement of these rules, which {@link UnitProjection} persists and
 * the network as of a date folds in memory.
 */
public final class UnitFold {

    private UnitFold() {
    }

    /**
     * The unit after {@code event}. Null {@code unit}: not established (yet); then only its establishment makes
     * one, and a re-rating leaves it null. A unit established again is not made again.
     */
    public static UnitState evolve(UnitState unit, OrganisationUnitEvent event) {
        if (event instanceof UnitEstablished established) {
            return unit != null ? unit : new UnitState(established.unitId(), established.level(),
                    established.name(), established.parentUnitId(), established.district(), established.tier(),
                    established.establishedAt(), null);
        }
        if (unit == null) {
            return null;
        }
        if (event instanceof CommunityHomeRerated rerated) {
            return new UnitState(unit.unitId(), unit.level(), unit.name(), unit.parentUnitId(), unit.district(),
                    rerated.tier(), unit.establishedAt(), rerated.ratedAt());
        }
        return unit;
    }
}

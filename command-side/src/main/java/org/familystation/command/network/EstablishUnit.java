package org.familystation.command.network;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;
import org.familystation.platform.error.DomainException;

import java.util.Objects;

/**
 * Establish an organisation unit under its parent: the federation (no parent), the operations headquarters, a
 * branch centre (district or street/town), a community home (with its tier) or a city centre. Read from what was
 * sent by {@link #read}.
 *
 * @param district as sent: whether it is one of the city's, and its parent's, is the unit's to decide
 * @param tier     a community home's; null for every other level
 */
public record EstablishUnit(
        @TargetAggregateIdentifier String unitId,
        UnitLevel level,
        String name,
        String parentUnitId,
        String district,
        HomeTier tier) implements ScopedCommand {

    static final int MAX_NAME = 100;

    public EstablishUnit {
        unitId = Rules.uuid(unitId, CommonRefusals.ID_INVALID, "unitId");
        Objects.requireNonNull(level, "level");
        name = Rules.requiredText(name, MAX_NAME, NetworkRefusals.UNIT_NAME_INVALID, "name");
        if (level == UnitLevel.FEDERATION && parentUnitId != null) {
            throw DomainException.refuseField(NetworkRefusals.FEDERATION_HAS_NO_PARENT, "parentUnitId");
        }
        if (level == UnitLevel.COMMUNITY_HOME) {
            Objects.requireNonNull(tier, "tier");
        } else {
            tier = null;
        }
    }

    /**
     * The command from what a client sent.
     *
     * @param tier a community home's tier, ignored for other levels
     */
    public static EstablishUnit read(String unitId, String level, String name, String parentUnitId, String district,
                                     String tier) {
        UnitLevel read = Rules.oneOf(UnitLevel.class, level, NetworkRefusals.UNIT_LEVEL_UNKNOWN, "level");
        return new EstablishUnit(unitId, read, name, parentUnitId, district, read == UnitLevel.COMMUNITY_HOME
                ? Rules.oneOf(HomeTier.class, tier, NetworkRefusals.HOME_TIER_UNKNOWN, "tier") : null);
    }

    /**
     * A community home or a street/town branch centre is established under a unit (a branch centre may do that in
     * its district); the units above them and the city centres are the whole network's.
     */
    @Override
    public Place actsAt() {
        boolean underBranch = level == UnitLevel.COMMUNITY_HOME
                || (level == UnitLevel.BRANCH_CENTRE && parentUnitId != null);
        return underBranch ? new Place.Unit(parentUnitId,
                Place.refusedField(NetworkRefusals.PARENT_UNKNOWN, "parentUnitId", parentUnitId)) : Place.network();
    }
}

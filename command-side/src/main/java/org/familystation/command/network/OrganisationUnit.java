package org.familystation.command.network;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.network.UnitRegistry.UnitFacts;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.network.CommunityHomeRerated;
import org.familystation.events.network.UnitEstablished;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.familystation.command.network.NetworkRefusals.*;

/** A unit of the network's five-level hierarchy: federation, headquarters, branch centre, community home, city centre. */
@Aggregate
public class OrganisationUnit {

    /** Under which units each level may stand (a street/town branch centre stands under its district's centre). */
    static final Map<UnitLevel, Set<UnitLevel>> ALLOWED_PARENTS = Map.of(
            UnitLevel.OPERATIONS_HQ, EnumSet.of(UnitLevel.FEDERATION),
            UnitLevel.CITY_CENTRE, EnumSet.of(UnitLevel.FEDERATION, UnitLevel.OPERATIONS_HQ),
            UnitLevel.BRANCH_CENTRE, EnumSet.of(UnitLevel.OPERATIONS_HQ, UnitLevel.BRANCH_CENTRE),
            UnitLevel.COMMUNITY_HOME, EnumSet.of(UnitLevel.BRANCH_CENTRE));

    /** Levels that belong to one district. */
    private static final Set<UnitLevel> DISTRICT_LEVELS = EnumSet.of(UnitLevel.BRANCH_CENTRE, UnitLevel.COMMUNITY_HOME);

    @AggregateIdentifier
    private String unitId;
    private UnitLevel level;
    private HomeTier tier;

    protected OrganisationUnit() {
        // for Axon
    }

    /** Read at the edge ({@link EstablishUnit#read}); what is left is where the unit stands in the network. */
    @CommandHandler
    public OrganisationUnit(EstablishUnit command, UnitRegistry units, NetworkProperties network, Clock clock) {
        UnitLevel level = command.level();
        UnitFacts parent = parent(level, command.parentUnitId(), units);
        String district = district(level, command.district(), parent, network);
        apply(new UnitEstablished(command.unitId(), level, command.name(), parent == null ? null : parent.unitId(),
                district, command.tier(), clock.instant()));
    }

    @CommandHandler
    void handle(RerateCommunityHome command, Clock clock) {
        if (level != UnitLevel.COMMUNITY_HOME) {
            throw DomainException.refuse(NOT_A_COMMUNITY_HOME);
        }
        if (command.tier() == tier) {
            throw DomainException.refuse(TIER_UNCHANGED);
        }
        apply(new CommunityHomeRerated(unitId, tier, command.tier(), command.reason().text(), clock.instant()));
    }

    @EventSourcingHandler
    void on(UnitEstablished event) {
        unitId = event.unitId();
        level = event.level();
        tier = event.tier();
    }

    @EventSourcingHandler
    void on(CommunityHomeRerated event) {
        tier = event.tier();
    }

    private static UnitFacts parent(UnitLevel level, String parentUnitId, UnitRegistry units) {
        if (level == UnitLevel.FEDERATION) {
            if (units.federationExists()) {
                throw DomainException.refuse(FEDERATION_EXISTS);
            }
            return null;
        }
        UnitFacts parent = units.find(parentUnitId == null ? "" : parentUnitId)
                .orElseThrow(() -> DomainException.refuseField(PARENT_UNKNOWN, "parentUnitId", parentUnitId));
        if (!ALLOWED_PARENTS.get(level).contains(parent.level())) {
            throw DomainException.refuseField(PARENT_LEVEL_NOT_ALLOWED, "parentUnitId", level.label(),
                    parent.level().label());
        }
        return parent;
    }

    private static String district(UnitLevel level, String given, UnitFacts parent, NetworkProperties network) {
        if (!DISTRICT_LEVELS.contains(level)) {
            return null;
        }
        String district = given == null && parent != null ? parent.district() : given;
        if (!network.isDistrict(district)) {
            throw DomainException.refuseField(DISTRICT_UNKNOWN, "district", district);
        }
        district = district.strip();
        if (parent != null && parent.district() != null && !parent.district().equals(district)) {
            throw DomainException.refuseField(DISTRICT_OUTSIDE_PARENT, "district", district, parent.district());
        }
        return district;
    }
}

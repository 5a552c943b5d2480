package org.familystation.command.station;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;
import org.familystation.events.station.StationOpened;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A Family Station (家庭驿站): opened at a community home, with its five station points. */
@Aggregate
public class Station {

    static final int MAX_NAME = 100;
    static final int MAX_HOME_ID = 100;

    @AggregateIdentifier
    private String stationId;

    protected Station() {
        // for Axon
    }

    @CommandHandler
    public Station(OpenStation command, StationRegistry stations, NetworkProperties network, Clock clock) {
        String id = Rules.uuid(command.stationId(), CommonRefusals.ID_INVALID, "stationId");
        String homeId = Rules.requiredText(command.communityHomeId(), MAX_HOME_ID,
                StationRefusals.COMMUNITY_HOME_ID_INVALID, "communityHomeId");
        String homeName = Rules.requiredText(command.communityHomeName(), MAX_NAME,
                StationRefusals.COMMUNITY_HOME_NAME_INVALID, "communityHomeName");
        String stationName = Rules.requiredText(command.stationName(), MAX_NAME,
                StationRefusals.STATION_NAME_INVALID, "stationName");
        if (!network.isDistrict(command.district())) {
            throw DomainException.refuseField(StationRefusals.DISTRICT_UNKNOWN, "district", command.district());
        }
        HomeTier tier = Rules.oneOf(HomeTier.class, command.homeTier(), StationRefusals.HOME_TIER_UNKNOWN,
                "homeTier");
        if (stations.hasStationAtHome(homeId)) {
            throw DomainException.refuse(StationRefusals.STATION_ALREADY_OPEN_AT_HOME, homeId);
        }
        apply(new StationOpened(id, homeId, homeName, stationName, command.district().strip(), tier,
                List.of(StationPoint.values()), clock.instant()));
    }

    @EventSourcingHandler
    void on(StationOpened event) {
        stationId = event.stationId();
    }
}

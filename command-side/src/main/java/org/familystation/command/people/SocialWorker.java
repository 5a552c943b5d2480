package org.familystation.command.people;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.common.Rules;
import org.familystation.command.network.UnitRegistry;
import org.familystation.command.network.UnitRegistry.UnitFacts;
import org.familystation.command.station.StationRegistry;
import org.familystation.command.station.StationRegistry.StationFacts;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.people.SocialWorkerAssigned;
import org.familystation.events.people.SocialWorkerRecruited;
import org.familystation.events.people.SocialWorkerReleased;
import org.familystation.platform.error.DomainException;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.familystation.command.common.CommonRefusals.STATION_UNKNOWN;
import static org.familystation.command.people.PeopleRefusals.*;

/**
 * A professional social worker (社工), recruited by the operations headquarters and assigned to one station at a
 * time. Moving to another station is a release (with its reason) followed by an assignment, so the history says
 * why each assignment ended.
 */
@Aggregate
public class SocialWorker {

    static final int MAX_REASON = 1_000;

    @AggregateIdentifier
    private String socialWorkerId;
    private String name;
    private String stationId;
    private String stationName;

    protected SocialWorker() {
        // for Axon
    }

    @CommandHandler
    public SocialWorker(RecruitSocialWorker command, UnitRegistry units, Clock clock) {
        String headquartersId = command.headquartersId();
        UnitFacts headquarters = units.find(headquartersId == null ? "" : headquartersId)
                .orElseThrow(() -> DomainException.refuseField(UNIT_UNKNOWN, "headquartersId", headquartersId));
        if (headquarters.level() != UnitLevel.OPERATIONS_HQ) {
            throw DomainException.refuseField(NOT_HEADQUARTERS, "headquartersId", headquarters.name());
        }
        apply(new SocialWorkerRecruited(command.socialWorkerId(), command.name().value(),
                Phone.valueOf(command.phone()), command.qualification(), headquarters.unitId(), headquarters.name(),
                clock.instant()));
    }

    @CommandHandler
    void handle(AssignSocialWorker command, StationRegistry stations, Clock clock) {
        String wanted = command.stationId();
        StationFacts station = stations.find(wanted == null ? "" : wanted)
                .orElseThrow(() -> DomainException.refuseField(STATION_UNKNOWN, "stationId", wanted));
        if (stationId != null) {
            throw DomainException.refuse(SOCIAL_WORKER_ALREADY_ASSIGNED, stationName);
        }
        if (!station.open()) {
            throw DomainException.refuseField(STATION_NOT_OPEN, "stationId");
        }
        apply(new SocialWorkerAssigned(socialWorkerId, name, station.stationId(), station.stationName(),
                station.district(), clock.instant()));
    }

    @CommandHandler
    void handle(ReleaseSocialWorker command, Clock clock) {
        if (stationId == null) {
            throw DomainException.refuse(SOCIAL_WORKER_NOT_ASSIGNED);
        }
        String reason = Rules.requiredText(command.reason(), MAX_REASON, REASON_REQUIRED, "reason");
        apply(new SocialWorkerReleased(socialWorkerId, name, stationId, stationName, reason, clock.instant()));
    }

    @EventSourcingHandler
    void on(SocialWorkerRecruited event) {
        socialWorkerId = event.socialWorkerId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(SocialWorkerAssigned event) {
        stationId = event.stationId();
        stationName = event.stationName();
    }

    @EventSourcingHandler
    void on(SocialWorkerReleased event) {
        stationId = null;
        stationName = null;
    }
}

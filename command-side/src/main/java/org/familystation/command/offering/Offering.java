package org.familystation.command.offering;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.alliance.MemberRegistry;
import org.familystation.command.alliance.MemberRegistry.MemberFacts;
import org.familystation.command.alliance.MembershipStatus;
import org.familystation.command.common.Rules;
import org.familystation.command.servicerecord.ServiceProjectCatalogue;
import org.familystation.command.servicerecord.ServiceProjectCatalogue.ServiceProject;
import org.familystation.command.station.StationRegistry;
import org.familystation.command.station.StationRegistry.StationFacts;
import org.familystation.command.station.StationTimeline;
import org.familystation.events.offering.OfferingWithdrawn;
import org.familystation.events.offering.ServiceOffered;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.familystation.command.common.CommonRefusals.STATION_UNKNOWN;
import static org.familystation.command.offering.OfferingRefusals.*;

/**
 * One member's offer of one service project at one station (服务供给): free (公益), subsidised or paid (商务), with a
 * capacity and a schedule. Its own small aggregate, so that offering or withdrawing never loads a member's or a
 * station's history; services by the member at that station are recorded under it while it is active.
 */
@Aggregate
public class Offering {

    /** A withdrawal's reason; {@link WithdrawOffering} is sent by a saga too, and keeps its shape (a plain text). */
    static final int MAX_REASON = 1_000;

    @AggregateIdentifier
    private String offeringId;
    private String memberId;
    private String stationId;
    private String projectCode;
    private boolean withdrawn;

    protected Offering() {
        // for Axon
    }

    /** Read at the edge ({@link OfferService#read}); what is left needs the member, the station and the catalogue. */
    @CommandHandler
    public Offering(OfferService command, MemberRegistry members, StationRegistry stations,
                    ServiceProjectCatalogue projects, OfferingRegistry offerings) {
        ServiceProject project = projects.find(command.projectCode()).orElseThrow(() ->
                DomainException.refuseField(PROJECT_UNKNOWN, "projectCode", command.projectCode()));
        MemberFacts member = members.find(command.memberId() == null ? "" : command.memberId())
                .orElseThrow(() -> DomainException.refuse(MEMBER_UNKNOWN, command.memberId()));
        if (member.status() != MembershipStatus.ADMITTED) {
            throw DomainException.refuse(OFFERING_MEMBER_NOT_ADMITTED, member.status());
        }
        StationFacts station = stations.find(command.stationId() == null ? "" : command.stationId())
                .orElseThrow(() -> DomainException.refuseField(STATION_UNKNOWN, "stationId", command.stationId()));
        if (!station.open()) {
            throw DomainException.refuseField(OFFERING_STATION_NOT_OPEN, "stationId");
        }
        Instant offeredAt = command.offeredAt();
        if (member.admittedAt() != null && offeredAt.isBefore(member.admittedAt())) {
            throw DomainException.refuseField(OFFERING_BEFORE_ADMISSION, "offeredAt", member.admittedAt(), offeredAt);
        }
        if (station.timeline().standingAt(offeredAt) != StationTimeline.Standing.OPEN) {
            throw DomainException.refuseField(OFFERING_STATION_NOT_OPEN, "offeredAt");
        }
        if (!station.activePoints().contains(project.stationPoint())) {
            throw DomainException.refuseField(OFFERING_STATION_POINT_NOT_ACTIVE, "projectCode",
                    project.stationPoint().label(), project.name());
        }
        if (offerings.isOffered(member.memberId(), station.stationId(), project.code())) {
            throw DomainException.refuse(OFFERING_ALREADY_EXISTS, project.name(), station.stationName());
        }
        apply(new ServiceOffered(command.offeringId(), member.memberId(), member.alliance(), member.organisationName(),
                station.stationId(), station.stationName(), station.district(), project.stationPoint(), project.code(),
                project.name(), command.pricing(), command.priceFen(), command.capacity(), command.capacityPeriod(),
                command.schedule(), offeredAt));
    }

    @CommandHandler
    void handle(WithdrawOffering command, Clock clock) {
        String reason = Rules.requiredText(command.reason(), MAX_REASON, WITHDRAWAL_REASON_REQUIRED, "reason");
        if (withdrawn) {
            throw DomainException.refuse(OFFERING_ALREADY_WITHDRAWN);
        }
        apply(new OfferingWithdrawn(offeringId, memberId, stationId, projectCode, reason, clock.instant()));
    }

    @EventSourcingHandler
    void on(ServiceOffered event) {
        offeringId = event.offeringId();
        memberId = event.memberId();
        stationId = event.stationId();
        projectCode = event.projectCode();
    }

    @EventSourcingHandler
    void on(OfferingWithdrawn event) {
        withdrawn = true;
    }
}

package org.familystation.command.offering;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.alliance.MemberRegistry;
import org.familystation.command.alliance.MemberRegistry.MemberFacts;
import org.familystation.command.alliance.MembershipStatus;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.servicerecord.ServiceProjectCatalogue;
import org.familystation.command.servicerecord.ServiceProjectCatalogue.ServiceProject;
import org.familystation.command.station.StationRegistry;
import org.familystation.command.station.StationRegistry.StationFacts;
import org.familystation.command.station.StationTimeline;
import org.familystation.events.common.CapacityPeriod;
import org.familystation.events.common.Pricing;
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

    static final int MAX_SCHEDULE = 200;
    static final int MAX_REASON = 1_000;
    static final int MAX_CAPACITY = 10_000;
    /** ¥100,000: a price above it is a typing error, not a service of a community station. */
    static final long MAX_PRICE_FEN = 10_000_000;

    @AggregateIdentifier
    private String offeringId;
    private String memberId;
    private String stationId;
    private String projectCode;
    private boolean withdrawn;

    protected Offering() {
        // for Axon
    }

    @CommandHandler
    public Offering(OfferService command, MemberRegistry members, StationRegistry stations,
                    ServiceProjectCatalogue projects, OfferingRegistry offerings, Clock clock) {
        String id = Rules.uuid(command.offeringId(), CommonRefusals.ID_INVALID, "offeringId");
        ServiceProject project = projects.find(command.projectCode()).orElseThrow(() ->
                DomainException.refuseField(PROJECT_UNKNOWN, "projectCode", command.projectCode()));
        Pricing pricing = Rules.oneOf(Pricing.class, command.pricing(), PRICING_UNKNOWN, "pricing");
        Long price = price(pricing, command.priceFen());
        if (command.capacity() == null || command.capacity() < 1 || command.capacity() > MAX_CAPACITY) {
            throw DomainException.refuseField(CAPACITY_INVALID, "capacity", MAX_CAPACITY);
        }
        CapacityPeriod period = Rules.oneOf(CapacityPeriod.class, command.capacityPeriod(), CAPACITY_PERIOD_UNKNOWN,
                "capacityPeriod");
        String schedule = Rules.optionalText(command.schedule(), MAX_SCHEDULE, SCHEDULE_TOO_LONG, "schedule");
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
        Instant offeredAt = Rules.happenedAt(command.offeredAt(), clock, "offeredAt");
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
        apply(new ServiceOffered(id, member.memberId(), member.alliance(), member.organisationName(),
                station.stationId(), station.stationName(), station.district(), project.stationPoint(), project.code(),
                project.name(), pricing, price, command.capacity(), period, schedule, offeredAt));
    }

    /** FREE has no price; SUBSIDISED and PAID say what a beneficiary pays. */
    private static Long price(Pricing pricing, Long priceFen) {
        if (pricing == Pricing.FREE) {
            if (priceFen != null && priceFen != 0) {
                throw DomainException.refuseField(PRICE_NOT_ALLOWED_WHEN_FREE, "priceFen", priceFen);
            }
            return null;
        }
        if (priceFen == null || priceFen < 1 || priceFen > MAX_PRICE_FEN) {
            throw DomainException.refuseField(PRICE_REQUIRED, "priceFen", MAX_PRICE_FEN);
        }
        return priceFen;
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

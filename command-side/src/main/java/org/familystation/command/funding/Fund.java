package org.familystation.command.funding;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.servicerecord.ServiceProjectCatalogue;
import org.familystation.command.servicerecord.ServiceProjectCatalogue.ServiceProject;
import org.familystation.command.snapshot.SnapshotConfiguration;
import org.familystation.command.station.StationRegistry;
import org.familystation.command.station.StationRegistry.StationFacts;
import org.familystation.command.station.StationTimeline;
import org.familystation.events.common.Fen;
import org.familystation.events.funding.AllocationReleased;
import org.familystation.events.funding.ExpenditureRecorded;
import org.familystation.events.funding.FundsAllocated;
import org.familystation.events.funding.FundsReceived;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.familystation.command.common.CommonRefusals.STATION_UNKNOWN;
import static org.familystation.command.funding.FundingRefusals.*;

/**
 * One receipt of funds (资金) and what became of it. Its allocations live inside it, so "no allocation exceeds what
 * was received, no expenditure what was allocated" is decided in one consistency boundary: two racing allocations
 * of the same fund collide on the event sequence and the loser is decided again on fresh state. Its business times
 * hold together too: nothing is allocated before the money was received, nothing spent before its allocation, and
 * nothing released before the allocation's latest expenditure.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Fund {

    @AggregateIdentifier
    private String fundId;
    private long unallocatedFen;
    private Instant receivedAt;
    private final Map<String, Allocation> allocations = new HashMap<>();
    private final Set<String> expenditureIds = new HashSet<>();

    protected Fund() {
        // for Axon
    }

    /** Nothing to decide: a receipt read at the edge ({@link ReceiveFunds#read}) is a new fund. */
    @CommandHandler
    public Fund(ReceiveFunds command, Clock clock) {
        apply(new FundsReceived(command.fundId(), command.source(), command.donor(), command.amount().fen(),
                command.receivedAt(), command.note(), clock.instant()));
    }

    @CommandHandler
    void handle(AllocateFunds command, StationRegistry stations, ServiceProjectCatalogue projects) {
        String allocationId = command.allocationId();
        if (allocations.containsKey(allocationId)) {
            throw DomainException.refuseField(ALLOCATION_ID_ALREADY_USED, "allocationId", allocationId);
        }
        Instant allocatedAt = command.allocatedAt();
        if (allocatedAt.isBefore(receivedAt)) {
            throw DomainException.refuseField(ALLOCATED_BEFORE_RECEIVED, "allocatedAt", receivedAt, allocatedAt);
        }
        Target target = target(command, allocatedAt, stations, projects);
        long amount = command.amount().fen();
        if (amount > unallocatedFen) {
            throw DomainException.refuseField(ALLOCATION_EXCEEDS_UNALLOCATED, "amountFen", Fen.yuan(amount),
                    Fen.yuan(unallocatedFen));
        }
        apply(new FundsAllocated(fundId, allocationId, target.stationId(), target.stationName(), target.district(),
                target.projectCode(), target.projectName(), amount, command.note(), allocatedAt));
    }

    @CommandHandler
    void handle(RecordExpenditure command, Clock clock) {
        Allocation allocation = openAllocation(command.allocationId());
        String expenditureId = command.expenditureId();
        if (expenditureIds.contains(expenditureId)) {
            throw DomainException.refuseField(EXPENDITURE_ID_ALREADY_USED, "expenditureId", expenditureId);
        }
        long amount = command.amount().fen();
        Instant spentAt = command.spentAt();
        if (spentAt.isBefore(allocation.allocatedAt())) {
            throw DomainException.refuseField(SPENT_BEFORE_ALLOCATED, "spentAt", allocation.allocatedAt(), spentAt);
        }
        if (amount > allocation.remainingFen()) {
            throw DomainException.refuseField(EXPENDITURE_EXCEEDS_ALLOCATION, "amountFen", Fen.yuan(amount),
                    Fen.yuan(allocation.remainingFen()));
        }
        apply(new ExpenditureRecorded(fundId, command.allocationId(), expenditureId, amount, command.purpose(), spentAt,
                command.voucherNumber(), clock.instant()));
    }

    @CommandHandler
    void handle(ReleaseAllocation command) {
        Allocation allocation = openAllocation(command.allocationId());
        Instant releasedAt = command.releasedAt();
        if (releasedAt.isBefore(allocation.lastChangeAt())) {
            throw DomainException.refuseField(RELEASED_BEFORE_LAST_CHANGE, "releasedAt", releasedAt,
                    allocation.lastChangeAt());
        }
        apply(new AllocationReleased(fundId, command.allocationId(), allocation.remainingFen(), command.reason().text(),
                releasedAt));
    }

    @EventSourcingHandler
    void on(FundsReceived event) {
        fundId = event.fundId();
        unallocatedFen = event.amountFen();
        receivedAt = event.receivedAt();
    }

    @EventSourcingHandler
    void on(FundsAllocated event) {
        unallocatedFen -= event.amountFen();
        allocations.put(event.allocationId(), new Allocation(event.amountFen(), 0, false, event.allocatedAt(),
                event.allocatedAt()));
    }

    @EventSourcingHandler
    void on(ExpenditureRecorded event) {
        allocations.computeIfPresent(event.allocationId(), (id, allocation) ->
                new Allocation(allocation.allocatedFen(), allocation.spentFen() + event.amountFen(), false,
                        allocation.allocatedAt(), latest(allocation.lastChangeAt(), event.spentAt())));
        expenditureIds.add(event.expenditureId());
    }

    @EventSourcingHandler
    void on(AllocationReleased event) {
        unallocatedFen += event.amountFen();
        allocations.computeIfPresent(event.allocationId(), (id, allocation) ->
                new Allocation(allocation.allocatedFen(), allocation.spentFen(), true, allocation.allocatedAt(),
                        event.releasedAt()));
    }

    private Allocation openAllocation(String allocationId) {
        Allocation allocation = allocationId == null ? null : allocations.get(allocationId);
        if (allocation == null) {
            throw DomainException.refuseField(ALLOCATION_UNKNOWN, "allocationId", allocationId);
        }
        if (allocation.released()) {
            throw DomainException.refuse(ALLOCATION_RELEASED);
        }
        return allocation;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Where an allocation goes: a station open at the allocation's date, or a project of the catalogue (names as
     * they are now).
     */
    private static Target target(AllocateFunds command, Instant allocatedAt, StationRegistry stations,
                                 ServiceProjectCatalogue projects) {
        if (command.stationId() != null) {
            StationFacts station = stations.find(command.stationId())
                    .orElseThrow(() -> DomainException.refuseField(STATION_UNKNOWN, "stationId", command.stationId()));
            if (station.timeline().standingAt(allocatedAt) != StationTimeline.Standing.OPEN) {
                throw DomainException.refuseField(STATION_NOT_OPEN, "stationId", allocatedAt);
            }
            return new Target(station.stationId(), station.stationName(), station.district(), null, null);
        }
        ServiceProject project = projects.find(command.projectCode())
                .orElseThrow(() -> DomainException.refuseField(PROJECT_UNKNOWN, "projectCode", command.projectCode()));
        return new Target(null, null, null, project.code(), project.name());
    }

    private record Target(String stationId, String stationName, String district, String projectCode,
                          String projectName) {
    }

    /**
     * What the fund knows of one of its allocations: enough to decide about spending and releasing. {@code
     * lastChangeAt} is the business time of its allocation or of its latest expenditure, whichever is later.
     */
    private record Allocation(long allocatedFen, long spentFen, boolean released, Instant allocatedAt,
                              Instant lastChangeAt) {

        long remainingFen() {
            return released ? 0 : allocatedFen - spentFen;
        }
    }
}

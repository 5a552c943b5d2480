package org.familystation.query.asof;

import org.familystation.events.alliance.AllianceApplicationApproved;
import org.familystation.events.alliance.AllianceApplicationRejected;
import org.familystation.events.alliance.AllianceMemberAdmitted;
import org.familystation.events.alliance.AllianceMemberEvent;
import org.familystation.events.alliance.AllianceMemberExpelled;
import org.familystation.events.alliance.AllianceMemberReinstated;
import org.familystation.events.alliance.AllianceMemberSuspended;
import org.familystation.events.alliance.AllianceMemberWithdrew;
import org.familystation.events.alliance.AllianceMembershipApplied;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.funding.AllocationReleased;
import org.familystation.events.funding.ExpenditureRecorded;
import org.familystation.events.funding.FundEvent;
import org.familystation.events.funding.FundsAllocated;
import org.familystation.events.funding.FundsReceived;
import org.familystation.events.network.OrganisationUnitEvent;
import org.familystation.events.servicerecord.ServiceRecordEvent;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.events.station.SpecialtyServiceAdded;
import org.familystation.events.station.SpecialtyServiceRetired;
import org.familystation.events.station.StationClosed;
import org.familystation.events.station.StationEvent;
import org.familystation.events.station.StationOpened;
import org.familystation.events.station.StationPointActivated;
import org.familystation.events.station.StationPointDeactivated;
import org.familystation.events.station.StationReopened;
import org.familystation.events.station.StationSuspended;
import org.familystation.query.alliance.AllianceMemberFold;
import org.familystation.query.alliance.AllianceMemberState;
import org.familystation.query.asof.NetworkAsOf.FundAsOf;
import org.familystation.query.asof.NetworkAsOf.MemberAsOf;
import org.familystation.query.asof.NetworkAsOf.Specialty;
import org.familystation.query.asof.NetworkAsOf.StationAsOf;
import org.familystation.query.dashboard.DashboardSummary.AllianceCount;
import org.familystation.query.dashboard.DashboardSummary.ServiceCount;
import org.familystation.query.dashboard.DashboardSummary.Services;
import org.familystation.query.network.NetworkDashboard.DistrictNetwork;
import org.familystation.query.network.NetworkDashboard.SpecialtyCount;
import org.familystation.query.network.NetworkDashboard;
import org.familystation.query.funding.FundFold;
import org.familystation.query.funding.FundState;
import org.familystation.query.network.UnitFold;
import org.familystation.query.network.UnitState;
import org.familystation.query.reach.Reach;
import org.familystation.query.servicerecord.ServiceFigures;
import org.familystation.query.servicerecord.ServiceRecordFold;
import org.familystation.query.servicerecord.ServiceRecordState;
import org.familystation.query.station.StationFold;
import org.familystation.query.station.StationState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The network folded from its events in memory, one event at a time in the order they were appended, by the live
 * projections' own folds ({@link StationFold}, {@link UnitFold}, {@link AllianceMemberFold},
 * {@link ServiceRecordFold} with {@link ServiceFigures}, {@link FundFold}), but into plain maps instead of {@code rm_}
 * tables: an answer about the past must never touch what the live projections own. What is left here is only what
 * an answer about the past adds: which events had happened by then, what is in reach, and the sums. Not
 * thread-safe: one fold per question.
 */
final class NetworkFold {

    /** The events the fold reads: everything that can happen to these aggregates, and nothing else. */
    static final List<Class<?>> EVENT_TYPES = Stream.of(OrganisationUnitEvent.class, StationEvent.class,
                    AllianceMemberEvent.class, ServiceRecordEvent.class, FundEvent.class)
            .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
            .<Class<?>>map(type -> type)
            .toList();

    /** The events of a service record: what is read again of a record a snapshot held ({@link #resolve}). */
    static final List<Class<?>> SERVICE_RECORD_TYPES = Arrays.stream(ServiceRecordEvent.class.getPermittedSubclasses())
            .<Class<?>>map(type -> type)
            .toList();

    /**
     * Raise when what the fold does with the events changes (what it keeps, leaves out or counts): snapshots of
     * another {@link #VERSION} are neither read nor kept. A change of shape of a folded event or of the state kept is
     * seen without it (the fingerprint).
     */
    private static final int LOGIC = 4;

    /** The version of the fold a snapshot was taken with: {@link #LOGIC} and the shapes of what it reads and keeps. */
    static final String VERSION = LOGIC + "-" + fingerprint(Stream.concat(EVENT_TYPES.stream(),
            Stream.of(UnitState.class, ServiceRecordState.class, ServiceDetails.class)).toList());

    private static final String OPEN = "OPEN";
    private static final String CLOSED = "CLOSED";

    private final ZoneId zone;
    /** Count only what had happened in the world by then (business time); null: all that was recorded. */
    private final Instant happenedBy;
    private final Map<String, UnitState> units = new HashMap<>();
    private final Map<String, StationState> stations = new LinkedHashMap<>();
    private final Map<String, AllianceMemberState> members = new LinkedHashMap<>();
    /** The tallies of the services a snapshot held; the records changed since are in {@link #changed}. */
    private ServiceTallies snapshotServices = ServiceTallies.NONE;
    /**
     * False for a fold from a snapshot: the snapshot holds no records, so a record changed after it whose earlier
     * events are at or below its position must be read again ({@link #resolve}).
     */
    private boolean knowsEveryRecord = true;
    /** The records recorded, corrected or voided after the snapshot (or since the first event, without one). */
    private final Map<String, ServiceRecordState> changed = new HashMap<>();
    /** Of the records in {@link #changed}, those the snapshot held: as they were then. */
    private final Map<String, ServiceRecordState> atSnapshot = new HashMap<>();
    /** The events after the snapshot of records it held, until their state then is read ({@link #resolve}). */
    private final Map<String, List<ServiceRecordEvent>> unresolved = new LinkedHashMap<>();
    /** One copy of each station id, district and project code and name of the records kept. */
    private final Map<String, String> names = new HashMap<>();
    /** The stations whose services count, once narrowed to a reach; null: every station's. */
    private java.util.Set<String> stationsInReach;
    private final Map<String, FundState> funds = new LinkedHashMap<>();
    private long eventsRead;
    private Long lastGlobalIndex;
    /** The last unit or service-record event folded: those count whatever the date (see {@link #happenedAt}). */
    private Long lastUndatedIndex;
    /** The latest recording time of the events read. */
    private Instant lastRecordedAt;
    /**
     * For a snapshot ({@link NetworkSnapshot}): the dated events read, in order, so that a fold from the snapshot can
     * leave out what had not happened by its own date. Null: not kept (a fold for one answer).
     */
    private final List<NetworkSnapshot.DatedEvent> datedEvents;

    NetworkFold(ZoneId zone, Instant happenedBy) {
        this(zone, happenedBy, false);
    }

    private NetworkFold(ZoneId zone, Instant happenedBy, boolean keepsDatedEvents) {
        this.zone = zone;
        this.happenedBy = happenedBy;
        this.datedEvents = keepsDatedEvents ? new ArrayList<>() : null;
    }

    /** A fold of everything recorded, whatever the date, that keeps what a snapshot needs. */
    static NetworkFold forSnapshot(ZoneId zone) {
        return new NetworkFold(zone, null, true);
    }

    /**
     * The fold that has read what {@code snapshot} had read, as a fold for an answer as of {@code happenedBy} (null:
     * recorded time; {@code forSnapshot}: a fold to advance the snapshot) would have: the undated state as it is,
     * the dated events again through {@link #apply}, so that those not yet happened by then are left out as reading
     * the store from the start would. The snapshot is not changed: the maps are copied. Once the events after it are
     * read, {@link #resolve} before the answer or the snapshot.
     */
    static NetworkFold from(NetworkSnapshot snapshot, ZoneId zone, Instant happenedBy, boolean forSnapshot) {
        NetworkFold fold = new NetworkFold(zone, happenedBy, forSnapshot);
        snapshot.units().forEach(unit -> fold.units.put(unit.unitId(), unit));
        fold.snapshotServices = snapshot.services();
        fold.knowsEveryRecord = false;
        fold.lastUndatedIndex = snapshot.lastUndatedIndex();
        fold.lastGlobalIndex = snapshot.lastUndatedIndex();
        for (NetworkSnapshot.DatedEvent dated : snapshot.datedEvents()) {
            fold.apply(dated.globalIndex(), null, dated.event());
        }
        fold.eventsRead = snapshot.eventsRead();
        fold.lastRecordedAt = snapshot.lastRecordedAt();
        return fold;
    }

    /** What this fold has read, to be kept at {@code globalIndex} (only for a fold {@link #forSnapshot}). */
    NetworkSnapshot snapshot(long globalIndex) {
        if (datedEvents == null || happenedBy != null) {
            throw new IllegalStateException("not a fold for a snapshot");
        }
        requireResolved();
        List<ServiceTallies.Delivery> removed = new ArrayList<>();
        List<ServiceTallies.Delivery> added = new ArrayList<>();
        if (snapshotServices.holdsDeliveries()) {
            changed.forEach((id, now) -> {
                ServiceTallies.Delivery before = ServiceTallies.Delivery.of(atSnapshot.get(id), zone);
                ServiceTallies.Delivery after = ServiceTallies.Delivery.of(now, zone);
                if (before != null) {
                    removed.add(before);
                }
                if (after != null) {
                    added.add(after);
                }
            });
        }
        return new NetworkSnapshot(globalIndex, lastRecordedAt, eventsRead, lastUndatedIndex,
                List.copyOf(units.values()), snapshotServices.advancedBy(changedFigures(), removed, added),
                List.copyOf(datedEvents));
    }

    void apply(long globalIndex, Instant recordedAt, Object event) {
        eventsRead++;
        if (recordedAt != null && (lastRecordedAt == null || recordedAt.isAfter(lastRecordedAt))) {
            lastRecordedAt = recordedAt;
        }
        boolean undated = event instanceof OrganisationUnitEvent || event instanceof ServiceRecordEvent;
        if (datedEvents != null && !undated) {
            datedEvents.add(new NetworkSnapshot.DatedEvent(globalIndex, event));
        }
        Instant happenedAt = happenedAt(event);
        if (happenedBy != null && happenedAt != null && happenedAt.isAfter(happenedBy)) {
            // Not yet happened then. Stations and funds accept their changes in business-time order, so what is
            // left out of an aggregate is always the end of its stream, never a step in the middle.
            return;
        }
        // The greatest, not the last: a fold from a snapshot reads its dated events again after its undated state.
        lastGlobalIndex = lastGlobalIndex == null ? globalIndex : Math.max(lastGlobalIndex, globalIndex);
        if (undated) {
            lastUndatedIndex = globalIndex;
        }
        if (event instanceof OrganisationUnitEvent unit) {
            apply(unit);
        } else if (event instanceof StationEvent station) {
            apply(station);
        } else if (event instanceof AllianceMemberEvent member) {
            apply(member);
        } else if (event instanceof ServiceRecordEvent service) {
            apply(service);
        } else if (event instanceof FundEvent fund) {
            apply(fund);
        }
    }

    /**
     * When the event happened in the world: the time its command was given (business dates,
     * docs/design/business-dates.md). Null for what counts whatever the date: units (the network's frame) and
     * service-record events, whose delivery date is read from the record's current details (a correction may move
     * it).
     */
    private static Instant happenedAt(Object event) {
        if (event instanceof StationOpened e) {
            return e.openedAt();
        } else if (event instanceof StationPointActivated e) {
            return e.activatedAt();
        } else if (event instanceof StationPointDeactivated e) {
            return e.deactivatedAt();
        } else if (event instanceof SpecialtyServiceAdded e) {
            return e.addedAt();
        } else if (event instanceof SpecialtyServiceRetired e) {
            return e.retiredAt();
        } else if (event instanceof StationSuspended e) {
            return e.suspendedAt();
        } else if (event instanceof StationReopened e) {
            return e.reopenedAt();
        } else if (event instanceof StationClosed e) {
            return e.closedAt();
        } else if (event instanceof AllianceMembershipApplied e) {
            return e.appliedAt();
        } else if (event instanceof AllianceApplicationApproved e) {
            return e.reviewedAt();
        } else if (event instanceof AllianceApplicationRejected e) {
            return e.reviewedAt();
        } else if (event instanceof AllianceMemberAdmitted e) {
            return e.admittedAt();
        } else if (event instanceof AllianceMemberSuspended e) {
            return e.suspendedAt();
        } else if (event instanceof AllianceMemberReinstated e) {
            return e.reinstatedAt();
        } else if (event instanceof AllianceMemberExpelled e) {
            return e.expelledAt();
        } else if (event instanceof AllianceMemberWithdrew e) {
            return e.withdrawnAt();
        } else if (event instanceof FundsReceived e) {
            return e.receivedAt();
        } else if (event instanceof FundsAllocated e) {
            return e.allocatedAt();
        } else if (event instanceof ExpenditureRecorded e) {
            return e.spentAt();
        } else if (event instanceof AllocationReleased e) {
            return e.releasedAt();
        }
        return null;
    }

    private void apply(OrganisationUnitEvent event) {
        units.compute(event.unitId(), (id, unit) -> UnitFold.evolve(unit, event));
    }

    private void apply(StationEvent event) {
        stations.compute(event.stationId(), (id, station) -> StationFold.evolve(station, event));
    }

    private void apply(AllianceMemberEvent event) {
        members.compute(event.memberId(), (id, member) -> AllianceMemberFold.evolve(member, event));
    }

    /**
     * The record after the event, beside the snapshot's tallies (which the answer then corrects). A record recorded
     * after the snapshot starts there: its recording is the first event of its stream, so nothing of it is in the
     * snapshot. A record the snapshot holds waits until its state then is read ({@link #resolve}).
     */
    private void apply(ServiceRecordEvent event) {
        String id = event.serviceRecordId();
        List<ServiceRecordEvent> waiting = unresolved.get(id);
        if (waiting != null) {
            waiting.add(event);
        } else if (changed.containsKey(id) || knowsEveryRecord || event instanceof ServiceRecorded) {
            evolve(id, changed.get(id), event);
        } else {
            unresolved.computeIfAbsent(id, key -> new ArrayList<>()).add(event);
        }
    }

    private void evolve(String id, ServiceRecordState before, ServiceRecordEvent event) {
        ServiceRecordState after = counted(ServiceRecordFold.evolve(before, event));
        if (after != before) {
            changed.put(id, after);
        }
    }

    /** The events of some service records up to the snapshot's position, in the order they were appended. */
    interface RecordEvents {
        void read(java.util.Collection<String> serviceRecordIds, java.util.function.Consumer<ServiceRecordEvent> sink);
    }

    /**
     * Reads again, from {@code snapshotRecords}, the records the snapshot held that events after it changed, then
     * folds those events: what the snapshot itself would have told, had it kept every record. Before an answer or a
     * snapshot, after the events have been read.
     */
    void resolve(RecordEvents snapshotRecords) {
        if (unresolved.isEmpty()) {
            return;
        }
        Map<String, ServiceRecordState> then = new HashMap<>();
        snapshotRecords.read(unresolved.keySet(), event -> then.put(event.serviceRecordId(),
                counted(ServiceRecordFold.evolve(then.get(event.serviceRecordId()), event))));
        unresolved.forEach((id, events) -> {
            ServiceRecordState before = then.get(id);
            atSnapshot.put(id, before);
            changed.put(id, before);
            events.forEach(event -> evolve(id, changed.get(id), event));
        });
        unresolved.clear();
    }

    private void requireResolved() {
        if (!unresolved.isEmpty()) {
            throw new IllegalStateException("records changed after the snapshot are not resolved");
        }
    }

    /**
     * What the records changed since the snapshot add to (or take from) its tallies: each changed record's figures
     * moved from where it counted in the snapshot to where it counts now. Once per answer, not per event.
     */
    private Map<ServiceTallies.Key, ServiceFigures> changedFigures() {
        Map<ServiceTallies.Key, ServiceFigures> figures = new HashMap<>();
        changed.forEach((id, now) -> {
            changeFigures(figures, atSnapshot.get(id), -1);
            changeFigures(figures, now, 1);
        });
        figures.values().removeIf(ServiceFigures.NONE::equals);
        return figures;
    }

    private void changeFigures(Map<ServiceTallies.Key, ServiceFigures> figures, ServiceRecordState record, int sign) {
        if (ServiceRecordFold.stands(record)) {
            figures.merge(ServiceTallies.Key.of(record, zone), ServiceFigures.NONE.plus(ServiceFigures.of(record), sign),
                    (a, b) -> a.plus(b, 1));
        }
    }

    /**
     * Of a record, only what an answer counts (see {@link #services(Map)} and {@link ServiceFigures#of}): the texts
     * (description, outcome, feedback, provider, void reason) and the recording time are left out, and the names
     * shared by many records held once, so that a fold of a million records holds figures, not prose. A correction
     * replaces the details whole, so nothing left out is read again. Whatever the answer starts to read of a record
     * must be kept here (and {@link #VERSION} raised).
     */
    private ServiceRecordState counted(ServiceRecordState record) {
        if (record == null) {
            return null;
        }
        ServiceDetails details = record.details();
        return new ServiceRecordState(record.serviceRecordId(), name(record.stationId()), null,
                name(record.district()),
                new ServiceDetails(details.stationPoint(), name(details.projectCode()), name(details.projectName()),
                        null, details.deliveredAt(), details.participantCount(), null, null, details.satisfaction(),
                        null),
                null, record.correctionCount(), record.voided(), null);
    }

    private String name(String value) {
        return value == null ? null : names.computeIfAbsent(value, same -> same);
    }

    private void apply(FundEvent event) {
        funds.compute(event.fundId(), (id, fund) -> FundFold.evolve(fund, event));
    }

    /**
     * Keeps only what is in reach: the units in it, the stations at its homes and their services; the funds only
     * with the whole network. Units never move, so today's reach decides what belonged to it then.
     */
    void keepWithin(Reach reach) {
        if (reach.wholeNetwork() && reach.stationSide()) {
            return;
        }
        units.keySet().removeIf(unitId -> !reach.covers(unitId));
        stations.values().removeIf(station -> !reach.covers(station.communityHomeId()));
        stationsInReach = java.util.Set.copyOf(stations.keySet());
        funds.clear();
    }

    /** A short hash of the records' names and components (names and generic types). */
    private static String fingerprint(List<Class<?>> types) {
        StringBuilder shapes = new StringBuilder();
        for (Class<?> type : types) {
            shapes.append(type.getName()).append('(');
            if (type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    shapes.append(component.getName()).append(' ').append(component.getGenericType().getTypeName())
                            .append(',');
                }
            }
            shapes.append(')');
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(shapes.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the events read so far say the network was at {@code asOf}. */
    NetworkAsOf answer(Instant asOf, LocalDate date, TimeBasis basis) {
        requireResolved();
        Map<String, Long> servicesByStation = new HashMap<>();
        Services services = services(servicesByStation);
        List<StationAsOf> stationList = stations.values().stream()
                .map(station -> asOf(station, tierOf(station), servicesByStation.getOrDefault(station.stationId(), 0L)))
                .toList();
        List<MemberAsOf> memberList = members.values().stream()
                .map(member -> new MemberAsOf(member.memberId(), member.alliance(), member.organisationName(),
                        member.status().name(), member.statusSince()))
                .toList();
        List<FundAsOf> fundList = funds.values().stream()
                .map(fund -> new FundAsOf(fund.fundId(), fund.source(), fund.source().label(), fund.donor(),
                        fund.receivedAt(), fund.receivedFen(), fund.allocatedFen(), fund.spentFen(),
                        fund.unallocatedFen()))
                .toList();
        return new NetworkAsOf(asOf, date, basis, lastGlobalIndex, eventsRead, network(stationList), stationList,
                alliances(memberList), memberList, services,
                new NetworkAsOf.Funds(sum(fundList, FundAsOf::receivedFen), sum(fundList, FundAsOf::allocatedFen),
                        sum(fundList, FundAsOf::spentFen), sum(fundList, FundAsOf::unallocatedFen), fundList));
    }

    /** The home's tier then; the tier the station was opened with if the home's establishment is not known. */
    private HomeTier tierOf(StationState station) {
        UnitState home = units.get(station.communityHomeId());
        return home == null || home.tier() == null ? station.homeTier() : home.tier();
    }

    private static StationAsOf asOf(StationState station, HomeTier tier, long serviceCount) {
        return new StationAsOf(station.stationId(), station.stationName(), station.communityHomeId(),
                station.communityHomeName(), station.district(), tier, tier == null ? null : tier.label(),
                station.status().name(), List.copyOf(station.activePoints()), station.specialties().stream()
                .map(specialty -> new Specialty(specialty.code(), specialty.name(), specialty.addedAt())).toList(),
                station.openedAt(), station.statusSince(), serviceCount);
    }

    private NetworkDashboard network(List<StationAsOf> stationList) {
        Map<String, Long> unitsByLevel = new TreeMap<>();
        Map<String, long[]> districts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (UnitState unit : units.values()) {
            unitsByLevel.merge(unit.level().name(), 1L, Long::sum);
            if (unit.level() == UnitLevel.COMMUNITY_HOME) {
                long[] counts = districts.computeIfAbsent(unit.district(), key -> new long[6]);
                counts[0]++;
                counts[1] += unit.tier() == HomeTier.PROVINCIAL_DEMONSTRATION ? 1 : 0;
            }
        }
        Map<String, Long> activePoints = new LinkedHashMap<>();
        Arrays.stream(StationPoint.values()).forEach(point -> activePoints.put(point.name(), 0L));
        Map<String, SpecialtyCount> specialties = new HashMap<>();
        for (StationAsOf station : stationList) {
            long[] counts = districts.computeIfAbsent(station.district(), key -> new long[6]);
            switch (station.status()) {
                case OPEN -> counts[2]++;
                case CLOSED -> counts[4]++;
                default -> counts[3]++;
            }
            if (station.status().equals(OPEN)) {
                station.activePoints().forEach(point -> activePoints.merge(point.name(), 1L, Long::sum));
            }
            if (!station.status().equals(CLOSED)) {
                counts[5] += station.homeTier() == HomeTier.PROVINCIAL_DEMONSTRATION ? 1 : 0;
                station.specialties().forEach(specialty -> specialties.merge(specialty.code(),
                        new SpecialtyCount(specialty.code(), specialty.name(), 1),
                        (a, b) -> new SpecialtyCount(a.code(), max(a.name(), b.name()), a.stations() + b.stations())));
            }
        }
        List<DistrictNetwork> byDistrict = districts.entrySet().stream()
                .map(entry -> new DistrictNetwork(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
                        entry.getValue()[2], entry.getValue()[3], entry.getValue()[4], entry.getValue()[5]))
                .toList();
        List<SpecialtyCount> specialtyList = specialties.values().stream()
                .sorted(Comparator.comparingLong(SpecialtyCount::stations).reversed()
                        .thenComparing(SpecialtyCount::code))
                .toList();
        return new NetworkDashboard(unitsByLevel, byDistrict, activePoints, specialtyList);
    }

    private static List<AllianceCount> alliances(List<MemberAsOf> memberList) {
        List<AllianceCount> counts = new ArrayList<>();
        for (Alliance alliance : Alliance.values()) {
            Map<String, Long> byStatus = new TreeMap<>();
            memberList.stream().filter(member -> member.alliance() == alliance)
                    .forEach(member -> byStatus.merge(member.status(), 1L, Long::sum));
            counts.add(new AllianceCount(alliance.name(), alliance.label(),
                    byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus));
        }
        return counts;
    }

    /**
     * The services that stand and count by then, and how many at each station ({@code byStation}): the tallies of
     * whole months (the snapshot's, with what the records changed since add or take away), and in business time the
     * month of the date record by record, up to the date. The sums are those of counting every record.
     */
    private Services services(Map<String, Long> byStation) {
        ServiceCounts counts = new ServiceCounts(byStation);
        // In business time the month of the date is counted by its records; later months not at all.
        String dateMonth = happenedBy == null ? null : ServiceFigures.month(happenedBy, zone);
        Map<ServiceTallies.Key, ServiceFigures> changedFigures = changedFigures();
        snapshotServices.figures().forEach((key, figures) -> {
            ServiceFigures change = changedFigures.get(key);
            counts.add(key, change == null ? figures : figures.plus(change, 1), dateMonth);
        });
        changedFigures.forEach((key, figures) -> {
            if (!snapshotServices.figures().containsKey(key)) {
                counts.add(key, figures, dateMonth);
            }
        });
        if (dateMonth != null) {
            // The date's month delivery by delivery, those of changed records moved as in the tallies.
            Map<ServiceTallies.Key, ServiceFigures> upToDate = new HashMap<>();
            snapshotServices.deliveredIn(dateMonth).forEach((delivery, count) ->
                    addUpToDate(upToDate, delivery, count, dateMonth));
            changed.forEach((id, now) -> {
                addUpToDate(upToDate, ServiceTallies.Delivery.of(atSnapshot.get(id), zone), -1, dateMonth);
                addUpToDate(upToDate, ServiceTallies.Delivery.of(now, zone), 1, dateMonth);
            });
            upToDate.forEach((key, figures) -> counts.add(key, figures, null));
        }
        return new Services(counts.total.figures.services(), counts.total.figures.participants(),
                counts.total.average(), counts(counts.byPoint), counts(counts.byProject), counts(counts.byDistrict),
                counts(counts.byMonth));
    }

    /** The services' figures as they are added up, by every key an answer shows. */
    private final class ServiceCounts {
        final Map<String, Long> byStation;
        final Tally total = new Tally(null);
        final Map<String, Tally> byPoint = new TreeMap<>();
        final Map<String, Tally> byProject = new TreeMap<>();
        final Map<String, Tally> byDistrict = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        final Map<String, Tally> byMonth = new TreeMap<>();

        ServiceCounts(Map<String, Long> byStation) {
            this.byStation = byStation;
        }

        /** A tally of whole months: those before the date's month ({@code dateMonth}; null: every month). */
        void add(ServiceTallies.Key key, ServiceFigures figures, String dateMonth) {
            if (figures.services() == 0 || (dateMonth != null && key.month().compareTo(dateMonth) >= 0)) {
                return;
            }
            add(key, figures);
        }

        private void add(ServiceTallies.Key key, ServiceFigures figures) {
            if (stationsInReach != null && !stationsInReach.contains(key.stationId())) {
                return;
            }
            byStation.merge(key.stationId(), figures.services(), Long::sum);
            total.add(figures, key.projectName());
            byPoint.computeIfAbsent(key.stationPoint().name(), name -> new Tally(key.stationPoint().label()))
                    .add(figures, key.projectName());
            byProject.computeIfAbsent(key.projectCode(), code -> new Tally(null)).add(figures, key.projectName());
            byDistrict.computeIfAbsent(key.district(), district -> new Tally(district)).add(figures, key.projectName());
            byMonth.computeIfAbsent(key.month(), month -> new Tally(month)).add(figures, key.projectName());
        }
    }

    /** A delivery of the date's month ({@code dateMonth}) counted {@code sign} times, if delivered by the date. */
    private void addUpToDate(Map<ServiceTallies.Key, ServiceFigures> upToDate, ServiceTallies.Delivery delivery,
                             int sign, String dateMonth) {
        if (delivery != null && delivery.key().month().equals(dateMonth)
                && !delivery.deliveredAt().isAfter(happenedBy)) {
            upToDate.merge(delivery.key(), ServiceFigures.NONE.plus(delivery.figures(), sign),
                    (a, b) -> a.plus(b, 1));
        }
    }

    private static List<ServiceCount> counts(Map<String, Tally> tallies) {
        return tallies.entrySet().stream()
                .map(entry -> new ServiceCount(entry.getKey(), entry.getValue().label(),
                        entry.getValue().figures.services(), entry.getValue().figures.participants(),
                        entry.getValue().average()))
                .toList();
    }

    private static <T> long sum(List<T> items, ToLongFunction<T> amount) {
        return items.stream().mapToLong(amount).sum();
    }

    private static String max(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Services, participants and ratings under one key. Without a fixed label the label is the project's name (the
     * greatest of the names its services carry, as the live dashboard's {@code max(project_name)}).
     */
    private static final class Tally {
        final String fixedLabel;
        String projectName;
        ServiceFigures figures = ServiceFigures.NONE;

        Tally(String fixedLabel) {
            this.fixedLabel = fixedLabel;
        }

        void add(ServiceFigures more, String moreProjectName) {
            figures = figures.plus(more, 1);
            projectName = max(projectName, moreProjectName);
        }

        String label() {
            return fixedLabel != null ? fixedLabel : projectName;
        }

        /** Average satisfaction to two decimals, or null when nothing was rated (as the live dashboard rounds). */
        Double average() {
            return figures.satisfactionCount() == 0 ? null
                    : Math.round(figures.satisfactionSum() * 100.0 / figures.satisfactionCount()) / 100.0;
        }
    }
}

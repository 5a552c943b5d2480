package org.familystation.query.asof;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.Provider;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.network.UnitEstablished;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordEvent;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.events.station.StationOpened;
import org.familystation.events.station.StationSuspended;
import org.familystation.query.dashboard.DashboardSummary.ServiceCount;
import org.familystation.query.reach.Reach;
import org.familystation.query.servicerecord.ServiceFigures;
import org.familystation.query.servicerecord.ServiceRecordFold;
import org.familystation.query.servicerecord.ServiceRecordState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network as of a date answered from a snapshot of the fold (its service figures pre-summed,
 * {@link ServiceTallies}) equals the answer folded from the first event, and both equal counting every record: in
 * business time at many instants (ends of days, the edges of months in the users' calendar, instants within a day),
 * in recorded time at many instants, for the whole network and for a home's reach, with services recorded,
 * corrected (into other months, projects and stations' figures) and voided both before and after the snapshots.
 */
class NetworkFoldSnapshotTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant OPENED = Instant.parse("2024-06-01T02:00:00Z");
    private static final Instant FROM = Instant.parse("2024-12-31T15:00:00Z"); // 2025-01-01 00:00 in Nanjing
    private static final List<String> HOMES = List.of("home-1", "home-2", "home-3");
    private static final List<String> DISTRICTS = List.of("玄武区", "秦淮区", "秦淮区");
    private static final List<String[]> PROJECTS = List.of(new String[]{"HOUSEKEEPING", "家政", "CONVENIENCE"},
            new String[]{"COUNSELLING", "心理咨询", "EMOTIONAL"}, new String[]{"READING", "读书会", "CULTURE"},
            new String[]{"READING", "亲子读书会", "CULTURE"});

    private final Random random = new Random(14);
    private final List<Event> events = new ArrayList<>();
    private final List<String> recordIds = new ArrayList<>();
    private final Map<String, String> stationOfRecord = new HashMap<>();
    private Instant recordedAt = Instant.parse("2026-01-01T00:00:00Z");

    private record Event(long globalIndex, Instant recordedAt, Object payload) {
    }

    @Test
    void answersFromSnapshotsEqualAnswersFromTheFirstEventAndCountingEveryRecord() {
        for (int home = 0; home < HOMES.size(); home++) {
            append(new UnitEstablished(HOMES.get(home), UnitLevel.COMMUNITY_HOME, "社区" + home, null,
                    DISTRICTS.get(home), HomeTier.STANDARD, OPENED));
            append(new StationOpened("station-" + home, HOMES.get(home), "社区" + home, "驿站" + home,
                    DISTRICTS.get(home), HomeTier.STANDARD, List.of(StationPoint.values()), OPENED));
        }
        changeServices(300);
        int first = events.size();
        changeServices(200);
        append(new StationSuspended("station-2", "场地维修", Instant.parse("2025-03-10T02:00:00Z")));
        int second = events.size();
        changeServices(150);

        NetworkSnapshot snapshot1 = snapshot(null, 0, first);
        NetworkSnapshot snapshot2 = snapshot(snapshot1, first, second);
        assertThat((long) snapshot2.services().figures().size()).isLessThan(snapshot2.services().services());
        // As they are stored (DeliveryMonths): the first's deliveries whole, the second's as changes since the first.
        NetworkSnapshot stored1 = stored(snapshot1);
        NetworkSnapshot stored2 = stored(snapshot(stored1, first, second));
        assertThat(rows.values().stream().mapToInt(List::size).sum()).isGreaterThan(rows.size());
        // As a snapshot other than the latest is read: its tallies without the deliveries (recorded time only).
        NetworkSnapshot talliesOnly = new NetworkSnapshot(snapshot1.globalIndex(), snapshot1.lastRecordedAt(),
                snapshot1.eventsRead(), snapshot1.lastUndatedIndex(), snapshot1.units(),
                new ServiceTallies(snapshot1.services().figures(), null), snapshot1.datedEvents());

        List<Instant> dates = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2024, 12, 30); day.isBefore(LocalDate.of(2025, 8, 3)); day = day.plusDays(1)) {
            Instant startOfDay = day.atStartOfDay(SHANGHAI).toInstant();
            if (day.getDayOfMonth() == 1 || day.getDayOfMonth() == 15) {
                dates.add(startOfDay.minusMillis(1));
                dates.add(startOfDay);
                dates.add(startOfDay.plus(Duration.ofMinutes(random.nextInt(24 * 60))));
            }
            if (day.getDayOfMonth() % 4 == 0) {
                dates.add(day.plusDays(1).atStartOfDay(SHANGHAI).toInstant().minusMillis(1));
            }
        }
        Reach whole = new Reach(true, null, Set.of(), null, null, true);
        Reach home = new Reach(false, "home-2", Set.of("home-2"), null, null, true);
        for (Reach reach : List.of(whole, home)) {
            for (Instant date : dates) {
                NetworkAsOf fromScratch = answer(null, date, null, reach);
                assertThat(answer(snapshot1, date, null, reach)).as("business %s from the first snapshot", date)
                        .isEqualTo(fromScratch);
                assertThat(answer(snapshot2, date, null, reach)).as("business %s from the second snapshot", date)
                        .isEqualTo(fromScratch);
                assertThat(answer(stored1, date, null, reach)).as("business %s from the first stored", date)
                        .isEqualTo(fromScratch);
                assertThat(answer(stored2, date, null, reach)).as("business %s from the second stored", date)
                        .isEqualTo(fromScratch);
                assertCountsEveryRecord(fromScratch, date, null, reach);
            }
            for (int at = 0; at < events.size(); at += 23) {
                Instant recordedBy = events.get(at).recordedAt();
                NetworkAsOf fromScratch = answer(null, null, recordedBy, reach);
                for (NetworkSnapshot snapshot : List.of(snapshot1, snapshot2, talliesOnly)) {
                    if (!snapshot.lastRecordedAt().isAfter(recordedBy)) {
                        assertThat(answer(snapshot, null, recordedBy, reach)).as("recorded %s", recordedBy)
                                .isEqualTo(fromScratch);
                    }
                }
                assertCountsEveryRecord(fromScratch, null, recordedBy, reach);
            }
        }
    }

    /** Records, corrects and voids services at random, dates spread over seven months and the edges of months. */
    private void changeServices(int count) {
        for (int i = 0; i < count; i++) {
            int choice = random.nextInt(10);
            if (choice < 6 || recordIds.isEmpty()) {
                String id = "record-" + recordIds.size();
                recordIds.add(id);
                int station = random.nextInt(HOMES.size());
                stationOfRecord.put(id, "station-" + station);
                append(new ServiceRecorded(id, "station-" + station, "驿站" + station, DISTRICTS.get(station),
                        details(), recordedAt));
            } else {
                String id = recordIds.get(random.nextInt(recordIds.size()));
                String station = stationOfRecord.get(id);
                if (choice < 9) {
                    append(new ServiceRecordCorrected(id, station, details(), List.of("deliveredAt"), "更正",
                            recordedAt));
                } else {
                    append(new ServiceRecordVoided(id, station, "重复录入", recordedAt));
                }
            }
        }
    }

    private ServiceDetails details() {
        String[] project = PROJECTS.get(random.nextInt(PROJECTS.size()));
        Instant deliveredAt = random.nextInt(4) == 0
                // At the edge of a month in Nanjing: its first or its last millisecond.
                ? LocalDate.of(2025, 1 + random.nextInt(7), 1).atStartOfDay(SHANGHAI).toInstant()
                .minusMillis(random.nextInt(2))
                : FROM.plus(Duration.ofMinutes(random.nextInt(7 * 30 * 24 * 60)));
        return new ServiceDetails(StationPoint.valueOf(project[2]), project[0], project[1],
                Provider.member("member-1", "公益社"), deliveredAt, 1 + random.nextInt(30), "描述", "成效",
                random.nextInt(3) == 0 ? null : 1 + random.nextInt(5), "反馈");
    }

    private void append(Object payload) {
        recordedAt = recordedAt.plusMillis(1 + random.nextInt(3));
        events.add(new Event(events.size() + 1L, recordedAt, payload));
    }

    /** The snapshot of the events from {@code from} up to (not including) {@code to}, taken from {@code before}. */
    private NetworkSnapshot snapshot(NetworkSnapshot before, int from, int to) {
        NetworkFold fold = before == null ? NetworkFold.forSnapshot(SHANGHAI)
                : NetworkFold.from(before, SHANGHAI, null, true);
        events.subList(from, to).forEach(event -> fold.apply(event.globalIndex(), event.recordedAt(), event.payload()));
        if (before != null) {
            fold.resolve(recordsUpTo(before.globalIndex()));
        }
        return fold.snapshot(events.get(to - 1).globalIndex());
    }

    /** The rows of {@link DeliveryMonths} by month: position and bytes, in the order stored. */
    private final Map<String, List<Map.Entry<Long, byte[]>>> rows = new TreeMap<>();

    /**
     * {@code snapshot} with its deliveries stored as DeliveryMonths stores them (whole for a month's first row, else
     * the changes) and read back a month at a time.
     */
    private NetworkSnapshot stored(NetworkSnapshot snapshot) {
        Deliveries deliveries = snapshot.services().deliveries();
        deliveries.changes().forEach((month, changes) -> rows.computeIfAbsent(month, key -> new ArrayList<>())
                .add(Map.entry(snapshot.globalIndex(), DeliveryMonths.encode(changes))));
        Deliveries.Stored stored = (month, position) -> DeliveryMonths.fold(rows.getOrDefault(month, List.of())
                .stream().filter(row -> row.getKey() <= position).map(Map.Entry::getValue).toList(), month);
        return new NetworkSnapshot(snapshot.globalIndex(), snapshot.lastRecordedAt(), snapshot.eventsRead(),
                snapshot.lastUndatedIndex(), snapshot.units(), snapshot.services()
                .withDeliveries(Deliveries.storedAt(snapshot.globalIndex(), stored)), snapshot.datedEvents());
    }

    /** The events of some service records up to {@code position}, as the store gives them (EventsUpTo). */
    private NetworkFold.RecordEvents recordsUpTo(long position) {
        return (ids, sink) -> events.stream()
                .filter(event -> event.globalIndex() <= position && event.payload() instanceof ServiceRecordEvent service
                        && ids.contains(service.serviceRecordId()))
                .forEach(event -> sink.accept((ServiceRecordEvent) event.payload()));
    }

    /** The answer in business time ({@code happenedBy}) or recorded time ({@code recordedBy}), as NetworkHistory. */
    private NetworkAsOf answer(NetworkSnapshot snapshot, Instant happenedBy, Instant recordedBy, Reach reach) {
        NetworkFold fold = snapshot == null ? new NetworkFold(SHANGHAI, happenedBy)
                : NetworkFold.from(snapshot, SHANGHAI, happenedBy, false);
        long after = snapshot == null ? 0 : snapshot.globalIndex();
        events.stream().filter(event -> event.globalIndex() > after)
                .filter(event -> recordedBy == null || !event.recordedAt().isAfter(recordedBy))
                .forEach(event -> fold.apply(event.globalIndex(), event.recordedAt(), event.payload()));
        if (snapshot != null) {
            fold.resolve(recordsUpTo(snapshot.globalIndex()));
        }
        fold.keepWithin(reach);
        Instant asOf = happenedBy != null ? happenedBy : recordedBy;
        return fold.answer(asOf, null, happenedBy != null ? TimeBasis.BUSINESS : TimeBasis.RECORDED);
    }

    /** The services of the answer against every record counted one by one. */
    private void assertCountsEveryRecord(NetworkAsOf answer, Instant happenedBy, Instant recordedBy, Reach reach) {
        Map<String, ServiceRecordState> records = new HashMap<>();
        for (Event event : events) {
            if ((recordedBy == null || !event.recordedAt().isAfter(recordedBy))
                    && event.payload() instanceof ServiceRecordEvent service) {
                records.put(service.serviceRecordId(),
                        ServiceRecordFold.evolve(records.get(service.serviceRecordId()), service));
            }
        }
        Set<String> stations = new java.util.HashSet<>();
        answer.stations().forEach(station -> stations.add(station.stationId()));
        Map<String, long[]> byMonth = new TreeMap<>();
        Map<String, Long> byStation = new HashMap<>();
        long total = 0;
        for (ServiceRecordState record : records.values()) {
            if (ServiceRecordFold.stands(record)
                    && (happenedBy == null || !record.details().deliveredAt().isAfter(happenedBy))
                    && (reach.wholeNetwork() || stations.contains(record.stationId()))) {
                total++;
                long[] month = byMonth.computeIfAbsent(ServiceFigures.month(record.details(), SHANGHAI),
                        key -> new long[2]);
                month[0]++;
                month[1] += record.details().participantCount();
                byStation.merge(record.stationId(), 1L, Long::sum);
            }
        }
        assertThat(answer.services().total()).isEqualTo(total);
        Map<String, long[]> answered = new TreeMap<>();
        for (ServiceCount count : answer.services().byMonth()) {
            answered.put(count.key(), new long[]{count.services(), count.participants()});
        }
        assertThat(answered).usingRecursiveComparison().isEqualTo(byMonth);
        answer.stations().forEach(station -> assertThat(station.services())
                .isEqualTo(byStation.getOrDefault(station.stationId(), 0L)));
    }
}

package org.familystation.app;

import org.axonframework.common.DateTimeUtils;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.query.asof.NetworkAsOf;
import org.familystation.query.asof.NetworkHistory;
import org.familystation.query.asof.NetworkSnapshot;
import org.familystation.query.asof.NetworkSnapshotter;
import org.familystation.query.asof.TimeBasis;
import org.familystation.query.reach.Reach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of the as-of fold on the real servers: the network as of a moment computed from the snapshots must be
 * the one computed from the first event, in recorded time (before the first snapshot, exactly at a snapshot's last
 * recording, between and after) and in business time (dates before, at and after facts back-dated past a snapshot),
 * for the whole network and a home's reach; the deliveries stored by the months changed, and taken afresh when
 * superseded; a snapshot of another fold version is neither read nor kept.
 */
class AsOfSnapshotTest extends ApplicationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Reach WHOLE_NETWORK = new Reach(true, null, Set.of(), null, null, true);

    @Autowired
    private NetworkHistory history;
    @Autowired
    private NetworkSnapshotter snapshotter;

    @Test
    void answersFromSnapshotsEqualAnswersFromTheFirstEvent() {
        String project = cultureProject("SNAP_", "快照核对项目");
        String station = scenario.openStation("快照家庭驿站", "秦淮区");
        String member = scenario.admittedMember("PUBLIC_WELFARE", "快照核对公益社");
        String first = scenario.recordService(station, "CULTURE", project, 10, "2026-10-01T02:00:00Z", "快照讲座");
        String second = scenario.recordService(station, "CULTURE", project, 5, "2026-10-05T02:00:00Z", "快照体验");
        String fund = UUID.randomUUID().toString();
        created(api.post("hq", "/api/funds", """
                {"fundId": "%s", "source": "SOCIAL_DONATION", "donor": "快照商会", "amountFen": 5000000,
                 "receivedAt": "2026-10-01T10:00:00+08:00"}""".formatted(fund)));
        NetworkSnapshot snapshot1 = snapshotter.snapshotAt(head()).orElseThrow();

        // After the first snapshot: changes, and facts back-dated before the dates the first snapshot holds.
        scenario.recordService(station, "CULTURE", project, 3, "2026-09-15T02:00:00Z", "补录服务");
        String allocation = created(api.post("hq", "/api/funds/" + fund + "/allocations",
                "{\"stationId\": \"%s\", \"amountFen\": 3000000, \"allocatedAt\": \"2026-10-10T10:00:00+08:00\"}"
                        .formatted(station)));
        noContent(api.post("hq", "/api/stations/" + station + "/suspension", "{\"reason\": \"场地维修\"}"));
        noContent(api.post("hq", "/api/alliance-members/" + member + "/expulsion", "{\"reason\": \"违反联盟公约\"}"));
        noContent(api.post("worker", "/api/service-records/" + first + "/corrections",
                "{\"changes\": {\"participantCount\": 12}, \"reason\": \"人数漏记\"}"));
        noContent(api.post("worker", "/api/service-records/" + second + "/voiding", "{\"reason\": \"重复录入\"}"));
        String otherStation = scenario.openStation("快照第二驿站", "玄武区");
        created(api.post("hq", "/api/funds", """
                {"fundId": "%s", "source": "SOCIAL_DONATION", "donor": "补录商会", "amountFen": 1000000,
                 "receivedAt": "2026-09-01T10:00:00+08:00"}""".formatted(UUID.randomUUID())));
        NetworkSnapshot snapshot2 = snapshotter.snapshotAt(head()).orElseThrow();
        assertThat(snapshot2.globalIndex()).isGreaterThan(snapshot1.globalIndex());
        assertThat(snapshot2.eventsRead()).isGreaterThan(snapshot1.eventsRead());

        // After the last snapshot.
        noContent(api.post("hq", "/api/stations/" + station + "/reopening", "{\"reason\": \"维修完成\"}"));
        scenario.recordService(otherStation, "CULTURE", project, 7, "2026-10-03T02:00:00Z", "快照展览");
        noContent(api.post("hq", "/api/funds/" + fund + "/allocations/" + allocation + "/release",
                "{\"reason\": \"项目结束\"}"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM as_of_snapshot WHERE global_index IN (?, ?)",
                Long.class, snapshot1.globalIndex(), snapshot2.globalIndex())).isEqualTo(2);

        List<Instant> recorded = List.of(snapshot1.lastRecordedAt().minusMillis(1), snapshot1.lastRecordedAt(),
                snapshot1.lastRecordedAt().plusMillis(1), snapshot2.lastRecordedAt(), now);
        List<LocalDate> business = List.of(LocalDate.parse("2013-12-31"), LocalDate.parse("2014-01-01"),
                LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-07"), LocalDate.parse("2026-10-15"));
        String home = history.asOf(now, null, TimeBasis.BUSINESS, now, WHOLE_NETWORK, false).stations().stream()
                .filter(then -> then.stationId().equals(station)).findFirst().orElseThrow().communityHomeId();
        Reach homeReach = new Reach(false, home, Set.of(home), null, null, true);
        List<NetworkAsOf> answers = new ArrayList<>();
        for (Reach reach : List.of(WHOLE_NETWORK, homeReach)) {
            for (Instant at : recorded) {
                answers.add(assertSameFromSnapshots(at, null, TimeBasis.RECORDED, now, reach));
            }
            for (LocalDate date : business) {
                Instant endOfDay = date.plusDays(1).atStartOfDay(SHANGHAI).toInstant().minusMillis(1);
                answers.add(assertSameFromSnapshots(endOfDay, date, TimeBasis.BUSINESS, now, reach));
            }
            answers.add(assertSameFromSnapshots(now, null, TimeBasis.BUSINESS, now, reach));
        }
        // The dates tell apart what the snapshots hold: the answers are not all the same one.
        assertThat(answers.stream().map(answer -> answer.services().total()).distinct().count()).isGreaterThan(2);
        assertThat(answers.stream().map(answer -> answer.stations().size()).distinct().count()).isGreaterThan(1);
    }

    /**
     * A snapshot says the events it folded since the one before were all recorded at or after the earliest of them,
     * and a recorded-time answer as of an earlier instant skips them. An event stored late with an early recording
     * time (its transaction was long) makes that earliest early: the answer reads the range and counts it.
     */
    @Test
    void anEventRecordedEarlyButStoredLateIsCountedInRecordedTime() {
        String project = "LATE_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        created(api.post("hq", "/api/catalogues/SERVICE_PROJECT", """
                {"code": "%s", "name": "迟到事件项目", "stationPoint": "CULTURE"}""".formatted(project)));
        String station = scenario.openStation("迟到事件驿站", "鼓楼区");
        scenario.recordService(station, "CULTURE", project, 4, "2026-10-01T02:00:00Z", "按时记录");
        NetworkSnapshot first = snapshotter.snapshotAt(head()).orElseThrow();
        String late = scenario.recordService(station, "CULTURE", project, 6, "2026-10-02T02:00:00Z", "迟到记录");
        scenario.recordService(station, "CULTURE", project, 8, "2026-10-03T02:00:00Z", "之后记录");
        Instant asOf = first.lastRecordedAt();
        // Recorded before the first snapshot's last event, stored after it: the stored time is set back for the
        // test and restored after it (the store is shared; the audit trail, backups and replays compare with it).
        String recorded = jdbc.queryForObject("SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, late);
        // The audit trail keeps each event's stored time: it must have the true one before it is set back.
        Eventually.assertThat(() -> assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_audit_event"
                + " WHERE global_index IN (SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?)",
                Long.class, late)).isEqualTo(1));
        assertThat(jdbc.update("UPDATE domain_event_entry SET time_stamp = ? WHERE aggregate_identifier = ?",
                DateTimeUtils.formatInstant(asOf.minusMillis(1)), late)).isEqualTo(1);
        try {
            snapshotter.snapshotAt(head()).orElseThrow();
            scenario.recordService(station, "CULTURE", project, 9, "2026-10-04T02:00:00Z", "最后记录");
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

            NetworkAsOf then = assertSameFromSnapshots(asOf, null, TimeBasis.RECORDED, now, WHOLE_NETWORK);
            NetworkAsOf before = assertSameFromSnapshots(asOf.minusMillis(2), null, TimeBasis.RECORDED, now,
                    WHOLE_NETWORK);
            long servicesAtStation = then.stations().stream().filter(it -> it.stationId().equals(station))
                    .findFirst().orElseThrow().services();
            assertThat(servicesAtStation).as("the one recorded in time and the late one").isEqualTo(2);
            // A moment before the late one's recording time: it does not count yet.
            assertThat(before.stations().stream().filter(it -> it.stationId().equals(station))
                    .mapToLong(NetworkAsOf.StationAsOf::services).sum()).isLessThan(servicesAtStation);
        } finally {
            jdbc.update("UPDATE domain_event_entry SET time_stamp = ? WHERE aggregate_identifier = ?", recorded, late);
        }
    }

    /**
     * A snapshot stores the deliveries of the months its events changed, as changes, folded into a whole month once
     * they outweigh it; the two latest hold them and the rows only earlier ones read go. When they are superseded
     * elsewhere (another node's snapshots), answers read them again and the next snapshot starts afresh.
     */
    @Test
    void deliveriesAreStoredByTheMonthsChangedAndStartAfreshWhenSuperseded() {
        String project = cultureProject("MONTH_", "逐月核对项目");
        String station = scenario.openStation("逐月家庭驿站", "鼓楼区");
        NetworkSnapshot start = snapshotter.snapshotAt(head()).orElseThrow();
        for (int day = 1; day <= 8; day++) {
            scenario.recordService(station, "CULTURE", project, day, "2026-06-0%dT02:00:00Z".formatted(day),
                    "逐月讲座");
            snapshotter.snapshotAt(head()).orElseThrow();
        }
        // Only June changed after the start: only June has rows after it, a whole one among them.
        assertThat(jdbc.queryForList("SELECT DISTINCT month FROM as_of_delivery WHERE global_index > ?",
                String.class, start.globalIndex())).containsExactly("2026-06");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM as_of_delivery WHERE global_index > ? AND whole",
                Long.class, start.globalIndex())).isPositive();
        assertStoredByMonth();
        for (int day = 1; day <= 9; day += 2) {
            assertSameFromSnapshots(LocalDate.parse("2026-06-0" + day).atStartOfDay(SHANGHAI).toInstant()
                    .plusSeconds(10 * 3600), null, TimeBasis.BUSINESS, Instant.now(), WHOLE_NETWORK);
        }

        // Superseded elsewhere (as another node's newer snapshots would): the answers read them again.
        jdbc.update("UPDATE as_of_snapshot SET holds_deliveries = false");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertSameFromSnapshots(Instant.parse("2026-06-05T00:00:00Z"), null, TimeBasis.BUSINESS, now, WHOLE_NETWORK);
        scenario.recordService(station, "CULTURE", project, 9, "2026-06-09T02:00:00Z", "逐月讲座");
        NetworkSnapshot afresh = snapshotter.snapshotAt(head()).orElseThrow();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM as_of_delivery WHERE global_index <> ? OR NOT whole",
                Long.class, afresh.globalIndex())).isZero();
        assertStoredByMonth();
        assertSameFromSnapshots(Instant.parse("2026-06-09T12:00:00Z"), null, TimeBasis.BUSINESS, Instant.now(),
                WHOLE_NETWORK);
    }

    /** Two snapshots hold deliveries; each month's rows start with a whole one, and none is older than needed. */
    private void assertStoredByMonth() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM as_of_snapshot WHERE holds_deliveries", Long.class))
                .isBetween(1L, 2L);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM as_of_delivery d WHERE NOT whole AND global_index = (
                    SELECT min(global_index) FROM as_of_delivery m
                    WHERE m.fold_version = d.fold_version AND m.month = d.month)""", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM as_of_delivery d WHERE d.global_index < (
                    SELECT max(w.global_index) FROM as_of_delivery w
                    WHERE w.fold_version = d.fold_version AND w.month = d.month AND w.whole
                      AND w.global_index <= (SELECT min(global_index) FROM as_of_snapshot WHERE holds_deliveries))""",
                Long.class)).isZero();
    }

    @Test
    void aSnapshotOfAnotherFoldVersionIsNeitherReadNorKept() {
        long head = head();
        // Unreadable, ahead of every real snapshot and recorded before everything: were it read, the answer would fail.
        jdbc.update("""
                INSERT INTO as_of_snapshot (fold_version, global_index, last_recorded_at, events_read, state)
                VALUES ('0-retired', ?, '2000-01-01T00:00:00Z', 1, ?)""", head + 1_000_000, new byte[]{1, 2, 3});
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertSameFromSnapshots(now, null, TimeBasis.BUSINESS, now, WHOLE_NETWORK);
        assertSameFromSnapshots(Instant.parse("2001-01-01T00:00:00Z"), null, TimeBasis.RECORDED, now, WHOLE_NETWORK);

        snapshotter.snapshotAt(head).orElseThrow();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM as_of_snapshot WHERE fold_version = '0-retired'",
                Long.class)).isZero();
        assertSameFromSnapshots(now, null, TimeBasis.BUSINESS, now, WHOLE_NETWORK);
    }

    private NetworkAsOf assertSameFromSnapshots(Instant asOf, LocalDate date, TimeBasis basis, Instant now,
                                                Reach reach) {
        NetworkAsOf fromScratch = history.asOf(asOf, date, basis, now, reach, false);
        NetworkAsOf fromSnapshots = history.asOf(asOf, date, basis, now, reach, true);
        assertThat(fromSnapshots).as("%s %s %s", basis, asOf, reach.wholeNetwork() ? "whole network" : "a home")
                .isEqualTo(fromScratch);
        return fromScratch;
    }

    /** A new service project of the culture point, its code starting with {@code prefix}: its code. */
    private String cultureProject(String prefix, String name) {
        String code = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        created(api.post("hq", "/api/catalogues/SERVICE_PROJECT", """
                {"code": "%s", "name": "%s", "stationPoint": "CULTURE"}""".formatted(code, name)));
        return code;
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }
}

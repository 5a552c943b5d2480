package org.familystation.query.station;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;
import org.familystation.events.station.StationEvent;
import org.familystation.events.station.StationOpened;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.familystation.query.station.StationOverview.Specialty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds {@code rm_station} and {@code rm_station_specialty}: each event is applied to the station its rows hold by
 * {@link StationFold}, and what changed is written back. Every change applies only when its event is newer
 * than what the station's row reflects ({@code last_sequence}), so redelivery changes nothing; each event's writes
 * are one savepoint (ProjectionBatches).
 */
@Component
@ProcessingGroup(ProcessingGroups.STATIONS)
public class StationProjection {

    private final JdbcTemplate jdbc;

    public StationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StationEvent event, @SequenceNumber long sequence) {
        StationState before = event instanceof StationOpened ? null : load(event.stationId(), sequence);
        StationState after = StationFold.evolve(before, event);
        if (after == null) {
            return;
        }
        if (before == null) {
            insert(after, sequence);
        } else {
            update(before, after, sequence);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_station_specialty");
        jdbc.update("DELETE FROM rm_station");
    }

    /** The station as its row reflects it, if the event at {@code sequence} is news to it (null otherwise). */
    private StationState load(String stationId, long sequence) {
        StationState station = jdbc.query("SELECT * FROM rm_station WHERE station_id = ? AND last_sequence < ?"
                        + " FOR UPDATE", (row, index) -> new StationState(stationId, row.getString("station_name"),
                        row.getString("community_home_id"), row.getString("community_home_name"),
                        row.getString("district"), HomeTier.valueOf(row.getString("home_tier")),
                        Sql.instant(row, "opened_at"), StationStatus.valueOf(row.getString("status")),
                        row.getString("status_reason"), Sql.instant(row, "status_changed_at"),
                        points(row.getString("active_points")), List.of()),
                stationId, sequence).stream().findFirst().orElse(null);
        return station == null ? null : station.withSpecialties(jdbc.query(
                "SELECT code, name, added_at FROM rm_station_specialty WHERE station_id = ? ORDER BY added_at, code",
                (row, index) -> new Specialty(row.getString("code"), row.getString("name"),
                        Sql.instant(row, "added_at")), stationId));
    }

    private void insert(StationState station, long sequence) {
        jdbc.update("""
                INSERT INTO rm_station (station_id, community_home_id, community_home_name, station_name, district,
                                        home_tier, status, active_points, opened_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (station_id) DO NOTHING""",
                station.stationId(), station.communityHomeId(), station.communityHomeName(), station.stationName(),
                station.district(), station.homeTier().name(), station.status().name(),
                csv(station.activePoints()), Sql.timestamp(station.openedAt()), sequence);
    }

    /** Writes what changed from {@code before} to {@code after}, and moves the row to {@code sequence}. */
    private void update(StationState before, StationState after, long sequence) {
        jdbc.update("""
                UPDATE rm_station SET status = ?, status_reason = ?, status_changed_at = ?, active_points = ?,
                                      last_sequence = ?
                WHERE station_id = ?""",
                after.status().name(), after.statusReason(), Sql.timestamp(after.statusChangedAt()),
                csv(after.activePoints()), sequence, after.stationId());
        before.specialties().stream().filter(specialty -> !after.specialties().contains(specialty))
                .forEach(retired -> jdbc.update("DELETE FROM rm_station_specialty WHERE station_id = ? AND code = ?",
                        after.stationId(), retired.code()));
        after.specialties().stream().filter(specialty -> !before.specialties().contains(specialty))
                .forEach(added -> jdbc.update(
                        "INSERT INTO rm_station_specialty (station_id, code, name, added_at) VALUES (?, ?, ?, ?)",
                        after.stationId(), added.code(), added.name(), Sql.timestamp(added.addedAt())));
    }

    private static Set<StationPoint> points(String csv) {
        Set<StationPoint> points = EnumSet.noneOf(StationPoint.class);
        if (!csv.isEmpty()) {
            Arrays.stream(csv.split(",")).map(StationPoint::valueOf).forEach(points::add);
        }
        return points;
    }

    private static String csv(Collection<StationPoint> points) {
        return points.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}

package org.familystation.query.station;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.common.StationPoint;
import org.familystation.events.station.SpecialtyServiceAdded;
import org.familystation.events.station.SpecialtyServiceRetired;
import org.familystation.events.station.StationClosed;
import org.familystation.events.station.StationOpened;
import org.familystation.events.station.StationPointActivated;
import org.familystation.events.station.StationPointDeactivated;
import org.familystation.events.station.StationReopened;
import org.familystation.events.station.StationSuspended;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds {@code rm_station} and {@code rm_station_specialty}. Every change applies only when its event is newer
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
    void on(StationOpened event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO rm_station (station_id, community_home_id, community_home_name, station_name, district,
                                        home_tier, status, active_points, opened_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
                ON CONFLICT (station_id) DO NOTHING""",
                event.stationId(), event.communityHomeId(), event.communityHomeName(), event.stationName(),
                event.district(), event.homeTier().name(), csv(event.activePoints()), Sql.timestamp(event.openedAt()),
                sequence);
    }

    @EventHandler
    void on(StationPointActivated event, @SequenceNumber long sequence) {
        changePoints(event.stationId(), sequence, points -> points.add(event.point()));
    }

    @EventHandler
    void on(StationPointDeactivated event, @SequenceNumber long sequence) {
        changePoints(event.stationId(), sequence, points -> points.remove(event.point()));
    }

    @EventHandler
    void on(SpecialtyServiceAdded event, @SequenceNumber long sequence) {
        if (advance(event.stationId(), sequence)) {
            jdbc.update("INSERT INTO rm_station_specialty (station_id, code, name, added_at) VALUES (?, ?, ?, ?)",
                    event.stationId(), event.specialtyCode(), event.specialtyName(),
                    Sql.timestamp(event.addedAt()));
        }
    }

    @EventHandler
    void on(SpecialtyServiceRetired event, @SequenceNumber long sequence) {
        if (advance(event.stationId(), sequence)) {
            jdbc.update("DELETE FROM rm_station_specialty WHERE station_id = ? AND code = ?",
                    event.stationId(), event.specialtyCode());
        }
    }

    @EventHandler
    void on(StationSuspended event, @SequenceNumber long sequence) {
        status(event.stationId(), sequence, "SUSPENDED", event.reason(), event.suspendedAt());
    }

    @EventHandler
    void on(StationReopened event, @SequenceNumber long sequence) {
        status(event.stationId(), sequence, "OPEN", event.reason(), event.reopenedAt());
    }

    @EventHandler
    void on(StationClosed event, @SequenceNumber long sequence) {
        status(event.stationId(), sequence, "CLOSED", event.reason(), event.closedAt());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_station_specialty");
        jdbc.update("DELETE FROM rm_station");
    }

    private void status(String stationId, long sequence, String status, String reason, Instant at) {
        Sql.updateIfNewer(jdbc, "rm_station", "station_id", stationId, sequence,
                "status = ?, status_reason = ?, status_changed_at = ?", status, reason, Sql.timestamp(at));
    }

    /** Moves the row's sequence forward; false when the event is not news to it (redelivered). */
    private boolean advance(String stationId, long sequence) {
        return jdbc.update("UPDATE rm_station SET last_sequence = ? WHERE station_id = ? AND last_sequence < ?",
                sequence, stationId, sequence) == 1;
    }

    private void changePoints(String stationId, long sequence, Consumer<Set<StationPoint>> change) {
        String current = jdbc.query("SELECT active_points FROM rm_station WHERE station_id = ? AND last_sequence < ?"
                + " FOR UPDATE", (row, index) -> row.getString(1), stationId, sequence).stream().findFirst()
                .orElse(null);
        if (current == null) {
            return;
        }
        Set<StationPoint> points = EnumSet.noneOf(StationPoint.class);
        if (!current.isEmpty()) {
            Arrays.stream(current.split(",")).map(StationPoint::valueOf).forEach(points::add);
        }
        change.accept(points);
        jdbc.update("UPDATE rm_station SET active_points = ?, last_sequence = ? WHERE station_id = ?",
                csv(points), sequence, stationId);
    }

    private static String csv(Collection<StationPoint> points) {
        return points.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}

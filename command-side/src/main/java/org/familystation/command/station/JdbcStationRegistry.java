package org.familystation.command.station;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.command.common.CommandRegistries;
import org.familystation.command.common.Registry;
import org.familystation.command.station.StationTimeline.Change;
import org.familystation.command.station.StationTimeline.Kind;
import org.familystation.events.common.StationPoint;
import org.familystation.events.station.StationClosed;
import org.familystation.events.station.StationOpened;
import org.familystation.events.station.StationPointActivated;
import org.familystation.events.station.StationPointDeactivated;
import org.familystation.events.station.StationReopened;
import org.familystation.events.station.StationSuspended;
import org.familystation.platform.error.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The station registry in PostgreSQL ({@code cmd_station}), kept by the station events themselves. */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
@Registry(tables = {"cmd_station", "cmd_station_change"}, version = 1)
public class JdbcStationRegistry implements StationRegistry {

    private final JdbcTemplate jdbc;

    public JdbcStationRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean hasStationAtHome(String communityHomeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM cmd_station WHERE community_home_id = ? AND status <> 'CLOSED')",
                Boolean.class, communityHomeId));
    }

    /** The station and its timeline in one statement (every service record asks): a row per change. */
    @Override
    public Optional<StationFacts> find(String stationId) {
        String[] station = new String[4];
        List<Change> changes = new ArrayList<>();
        jdbc.query("""
                        SELECT s.station_name, s.district, s.status, s.active_points, c.effective_at, c.change, c.points
                        FROM cmd_station s LEFT JOIN cmd_station_change c ON c.station_id = s.station_id
                        WHERE s.station_id = ? ORDER BY c.sequence_number""",
                row -> {
                    for (int column = 0; column < station.length; column++) {
                        station[column] = row.getString(column + 1);
                    }
                    Timestamp effectiveAt = row.getTimestamp(5);
                    if (effectiveAt != null) {
                        changes.add(new Change(effectiveAt.toInstant(), Kind.valueOf(row.getString(6)),
                                points(row.getString(7))));
                    }
                }, stationId);
        if (station[0] == null) {
            return Optional.empty();
        }
        return Optional.of(new StationFacts(stationId, station[0], station[1], "OPEN".equals(station[2]),
                points(station[3]), new StationTimeline(changes)));
    }

    /** Idempotent: a redelivered event finds its row already there. */
    private void change(String stationId, long sequence, Kind kind, Collection<StationPoint> points, Instant at) {
        jdbc.update("""
                INSERT INTO cmd_station_change (station_id, sequence_number, change, points, effective_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                stationId, sequence, kind.name(), csv(points), Timestamp.from(at));
    }

    @EventHandler
    void on(StationOpened event, @SequenceNumber long sequence) {
        change(event.stationId(), sequence, Kind.OPENED, event.activePoints(), event.openedAt());
        try {
            jdbc.update("""
                    INSERT INTO cmd_station (station_id, community_home_id, station_name, district, status, active_points)
                    VALUES (?, ?, ?, ?, 'OPEN', ?)""",
                    event.stationId(), event.communityHomeId(), event.stationName(), event.district(),
                    csv(event.activePoints()));
        } catch (DuplicateKeyException raced) {
            // Another node opened a station at the same home between our check and this insert.
            throw DomainException.refuse(StationRefusals.STATION_ALREADY_OPEN_AT_HOME, event.communityHomeName());
        }
    }

    @EventHandler
    void on(StationPointActivated event, @SequenceNumber long sequence) {
        change(event.stationId(), sequence, Kind.POINT_ACTIVATED, List.of(event.point()), event.activatedAt());
        changePoints(event.stationId(), points -> points.add(event.point()));
    }

    @EventHandler
    void on(StationPointDeactivated event, @SequenceNumber long sequence) {
        change(event.stationId(), sequence, Kind.POINT_DEACTIVATED, List.of(event.point()), event.deactivatedAt());
        changePoints(event.stationId(), points -> points.remove(event.point()));
    }

    @EventHandler
    void on(StationSuspended event, @SequenceNumber long sequence) {
        change(event.stationId(), sequence, Kind.SUSPENDED, List.of(), event.suspendedAt());
        setStatus(event.stationId(), StationStatus.SUSPENDED);
    }

    @EventHandler
    void on(StationReopened event, @SequenceNumber long sequence) {
        change(event.stationId(), sequence, Kind.REOPENED, List.of(), event.reopenedAt());
        setStatus(event.stationId(), StationStatus.OPEN);
    }

    @EventHandler
    void on(StationClosed event, @SequenceNumber long sequence) {
        change(event.stationId(), sequence, Kind.CLOSED, List.of(), event.closedAt());
        setStatus(event.stationId(), StationStatus.CLOSED);
    }

    private void setStatus(String stationId, StationStatus status) {
        jdbc.update("UPDATE cmd_station SET status = ? WHERE station_id = ?", status.name(), stationId);
    }

    private void changePoints(String stationId, Consumer<Set<StationPoint>> change) {
        String current = jdbc.queryForObject("SELECT active_points FROM cmd_station WHERE station_id = ? FOR UPDATE",
                String.class, stationId);
        Set<StationPoint> points = points(current);
        change.accept(points);
        jdbc.update("UPDATE cmd_station SET active_points = ? WHERE station_id = ?", csv(points), stationId);
    }

    private static String csv(Collection<StationPoint> points) {
        return points.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<StationPoint> points(String csv) {
        Set<StationPoint> points = EnumSet.noneOf(StationPoint.class);
        if (csv != null && !csv.isEmpty()) {
            Arrays.stream(csv.split(",")).map(StationPoint::valueOf).forEach(points::add);
        }
        return points;
    }
}

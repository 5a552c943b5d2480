package org.familystation.command.station;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.familystation.command.common.CommandRegistries;
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

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The station registry in PostgreSQL ({@code cmd_station}), kept by the station events themselves. */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
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

    @Override
    public Optional<StationFacts> find(String stationId) {
        return jdbc.query("SELECT station_name, district, status, active_points FROM cmd_station WHERE station_id = ?",
                (row, index) -> new StationFacts(stationId, row.getString(1), row.getString(2),
                        "OPEN".equals(row.getString(3)), points(row.getString(4))), stationId).stream().findFirst();
    }

    @EventHandler
    void on(StationOpened event) {
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
    void on(StationPointActivated event) {
        changePoints(event.stationId(), points -> points.add(event.point()));
    }

    @EventHandler
    void on(StationPointDeactivated event) {
        changePoints(event.stationId(), points -> points.remove(event.point()));
    }

    @EventHandler
    void on(StationSuspended event) {
        setStatus(event.stationId(), StationStatus.SUSPENDED);
    }

    @EventHandler
    void on(StationReopened event) {
        setStatus(event.stationId(), StationStatus.OPEN);
    }

    @EventHandler
    void on(StationClosed event) {
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
        if (!csv.isEmpty()) {
            Arrays.stream(csv.split(",")).map(StationPoint::valueOf).forEach(points::add);
        }
        return points;
    }
}

package org.familystation.query.station;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.station.StationOpened;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/** Builds {@code rm_station} from the station events. */
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
                event.district(), event.homeTier().name(),
                event.activePoints().stream().map(Enum::name).collect(Collectors.joining(",")),
                Sql.timestamp(event.openedAt()), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_station");
    }
}

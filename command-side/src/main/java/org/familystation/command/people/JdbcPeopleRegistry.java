package org.familystation.command.people;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.familystation.command.common.CommandRegistries;
import org.familystation.command.common.Registry;
import org.familystation.events.people.FederationStaffRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The people registry in PostgreSQL: {@code cmd_federation_staff}, kept here by the staff's events (staff registered
 * before it existed are written by replaying them); it reads the social workers' stations from
 * {@code cmd_social_worker}, which the place registry keeps, and the volunteers from {@code cmd_volunteer}.
 */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
@Registry(tables = "cmd_federation_staff", version = 1)
public class JdbcPeopleRegistry implements PeopleRegistry {

    private final JdbcTemplate jdbc;

    public JdbcPeopleRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SocialWorkerPost> socialWorker(String socialWorkerId) {
        return jdbc.query("SELECT station_id FROM cmd_social_worker WHERE social_worker_id = ?",
                (row, index) -> new SocialWorkerPost(socialWorkerId, row.getString(1)), socialWorkerId)
                .stream().findFirst();
    }

    /**
     * Staff serve the stations of the units they work at: their community home's, their district's (a branch
     * centre), or every station (a city-level unit, which has no district).
     */
    @Override
    public Optional<StaffPost> staff(String staffId, String stationId) {
        return jdbc.query("""
                        SELECT EXISTS (SELECT 1 FROM cmd_station s WHERE s.station_id = ?
                                       AND (s.community_home_id = f.unit_id
                                            OR (f.unit_level <> 'COMMUNITY_HOME'
                                                AND (f.district IS NULL OR f.district = s.district))))
                        FROM cmd_federation_staff f WHERE f.staff_id = ?""",
                (row, index) -> new StaffPost(staffId, row.getBoolean(1)), stationId, staffId).stream().findFirst();
    }

    @Override
    public boolean volunteerRegistered(String volunteerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM cmd_volunteer WHERE volunteer_id = ?)", Boolean.class, volunteerId));
    }

    @EventHandler
    void on(FederationStaffRegistered event) {
        jdbc.update("""
                INSERT INTO cmd_federation_staff (staff_id, unit_id, unit_level, district) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                event.staffId(), event.unitId(), event.unitLevel().name(), event.district());
    }
}

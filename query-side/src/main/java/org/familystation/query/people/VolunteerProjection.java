package org.familystation.query.people;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.people.VolunteerHoursRecorded;
import org.familystation.events.people.VolunteerRegistered;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.query.common.ErasedColumns;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;

/**
 * Builds {@code rm_volunteer} with each volunteer's totals, their entries in {@code rm_volunteer_hours}, and the
 * dashboard counters {@code rm_volunteer_hours_stats} (per volunteer, station and month of the service). Hours
 * count only when the volunteer's row moves forward to the event's sequence number, so redelivery never counts
 * twice; each event's writes are one savepoint (ProjectionBatches).
 */
@Component
@ProcessingGroup(ProcessingGroups.PEOPLE)
public class VolunteerProjection {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final JdbcTemplate jdbc;
    private final QueryProperties properties;

    public VolunteerProjection(JdbcTemplate jdbc, QueryProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventHandler
    void on(VolunteerRegistered event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO rm_volunteer (volunteer_id, name, volunteer_number, phone, home_unit_id, home_unit_name,
                                          district, registered_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (volunteer_id) DO NOTHING""",
                event.volunteerId(), event.name(), event.volunteerNumber(), event.phone(), event.homeUnitId(),
                event.homeUnitName(), event.district(), Sql.timestamp(event.registeredAt()), sequence);
    }

    @EventHandler
    void on(VolunteerHoursRecorded event, @SequenceNumber long sequence) {
        int advanced = Sql.updateIfNewer(jdbc, "rm_volunteer", "volunteer_id", event.volunteerId(), sequence,
                "minutes = minutes + ?, services = services + 1", event.minutes());
        if (advanced == 0) {
            return;
        }
        String month = MONTH.format(event.deliveredAt().atZone(properties.getTimeZone()));
        jdbc.update("""
                INSERT INTO rm_volunteer_hours (volunteer_id, service_record_id, station_id, station_name, district,
                    project_code, project_name, delivered_at, month, minutes, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.volunteerId(), event.serviceRecordId(), event.stationId(), event.stationName(),
                event.district(), event.projectCode(), event.projectName(), Sql.timestamp(event.deliveredAt()),
                month, event.minutes(), Sql.timestamp(event.recordedAt()));
        jdbc.update("""
                INSERT INTO rm_volunteer_hours_stats (volunteer_id, station_id, month, volunteer_name,
                    volunteer_number, station_name, district, minutes, services)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (volunteer_id, station_id, month) DO UPDATE SET
                    minutes = rm_volunteer_hours_stats.minutes + EXCLUDED.minutes,
                    services = rm_volunteer_hours_stats.services + 1""",
                event.volunteerId(), event.stationId(), month, event.volunteerName(), event.volunteerNumber(),
                event.stationName(), event.district(), event.minutes());
    }

    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subjectKind() == DataSubjectKind.VOLUNTEER) {
            ErasedColumns.erase(jdbc, "rm_volunteer", "volunteer_id", event.subjectId(), "name", "phone");
            ErasedColumns.erase(jdbc, "rm_volunteer_hours_stats", "volunteer_id", event.subjectId(),
                    "volunteer_name");
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_volunteer_hours_stats");
        jdbc.update("DELETE FROM rm_volunteer_hours");
        jdbc.update("DELETE FROM rm_volunteer");
    }
}

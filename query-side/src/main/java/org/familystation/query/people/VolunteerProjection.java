package org.familystation.query.people;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.people.VolunteerHoursRecorded;
import org.familystation.events.people.VolunteerRegistered;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.query.common.BatchedProjection;
import org.familystation.query.common.ErasedColumns;
import org.familystation.query.common.OneBatchAtATime;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@code rm_volunteer} with each volunteer's totals, their entries in {@code rm_volunteer_hours} from
 * RecordVolunteerHours (ServicePeopleProjection adds those a service record names), and the dashboard counters
 * {@code rm_volunteer_hours_stats} (per volunteer, station and month of the service), which {@link VolunteerTotals}
 * moves by the entries that start or stop counting, so redelivery never counts twice; a failing event is parked
 * without its writes (ProjectionBatches).
 */
@Component
// Batched: hours by the thousand, like services. One at a time: a volunteer's totals count a service once across
// entries that the services' events (other segments) write too.
@BatchedProjection
@OneBatchAtATime
@ProcessingGroup(ProcessingGroups.PEOPLE)
public class VolunteerProjection {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final JdbcTemplate jdbc;
    private final QueryProperties properties;
    private final VolunteerTotals totals;

    public VolunteerProjection(JdbcTemplate jdbc, QueryProperties properties, VolunteerTotals totals) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.totals = totals;
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
        // Services may have named the volunteer before this registration reached the read model.
        totals.refresh(event.volunteerId());
    }

    /** Hours on a service already voided are kept but count in no total. */
    @EventHandler
    void on(VolunteerHoursRecorded event) {
        String month = MONTH.format(event.deliveredAt().atZone(properties.getTimeZone()));
        List<VolunteerTotals.Entry> inserted = jdbc.query("""
                INSERT INTO rm_volunteer_hours (volunteer_id, service_record_id, station_id, station_name, district,
                    project_code, project_name, delivered_at, month, minutes, recorded_at, source, voided)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'HOURS', coalesce(
                    (SELECT voided FROM rm_service_people WHERE service_record_id = ?), FALSE))
                ON CONFLICT (volunteer_id, service_record_id, source) DO NOTHING
                RETURNING voided, """ + VolunteerTotals.ENTRY_COLUMNS,
                (row, index) -> row.getBoolean("voided") ? null : VolunteerTotals.ENTRY.mapRow(row, index),
                event.volunteerId(), event.serviceRecordId(), event.stationId(), event.stationName(),
                event.district(), event.projectCode(), event.projectName(), Sql.timestamp(event.deliveredAt()),
                month, event.minutes(), Sql.timestamp(event.recordedAt()), event.serviceRecordId());
        inserted.removeIf(Objects::isNull); // hours on a voided service
        totals.moved(inserted, List.of());
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

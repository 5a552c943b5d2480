package org.familystation.query.people;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.common.Provider;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.VolunteerTime;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.query.common.BatchedProjection;
import org.familystation.query.common.OneBatchAtATime;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The people each service record names, in the people read models: {@code rm_service_people} (where, when, whether
 * it stands), {@code rm_service_person} (its social workers and staff) and the volunteers' time on it in
 * {@code rm_volunteer_hours} (source SERVICE). A correction replaces them; a voiding takes every volunteer's time on
 * the service (however recorded) out of the totals, and the service out of each social worker's count. A change
 * applies only when its event is newer than what the row reflects, so redelivery changes nothing.
 */
@Component
// Batched: every service record. One at a time: a volunteer's totals are computed from entries that the volunteer's
// events (another segment) write too, and a voiding marks entries of the volunteer's.
@BatchedProjection
@OneBatchAtATime
@ProcessingGroup(ProcessingGroups.PEOPLE)
public class ServicePeopleProjection {

    static final String SOCIAL_WORKER = "SOCIAL_WORKER";
    static final String STAFF = "STAFF";

    private final JdbcTemplate jdbc;
    private final QueryProperties properties;
    private final VolunteerTotals totals;

    public ServicePeopleProjection(JdbcTemplate jdbc, QueryProperties properties, VolunteerTotals totals) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.totals = totals;
    }

    @EventHandler
    void on(ServiceRecorded event, @SequenceNumber long sequence) {
        ServiceDetails details = event.details();
        int inserted = jdbc.update("""
                INSERT INTO rm_service_people (service_record_id, station_id, station_name, district, project_code,
                    project_name, provider_kind, delivered_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (service_record_id) DO NOTHING""",
                event.serviceRecordId(), event.stationId(), event.stationName(), event.district(),
                details.projectCode(), details.projectName(), details.provider().kind().name(),
                Sql.timestamp(details.deliveredAt()), sequence);
        if (inserted > 0) {
            name(event.serviceRecordId(), details, event.recordedAt()).forEach(totals::refresh);
        }
    }

    @EventHandler
    void on(ServiceRecordCorrected event, @SequenceNumber long sequence) {
        ServiceDetails details = event.corrected();
        int advanced = Sql.updateIfNewer(jdbc, "rm_service_people", "service_record_id", event.serviceRecordId(),
                sequence, "project_code = ?, project_name = ?, provider_kind = ?, delivered_at = ?",
                details.projectCode(), details.projectName(), details.provider().kind().name(),
                Sql.timestamp(details.deliveredAt()));
        if (advanced == 0) {
            return;
        }
        Set<String> affected = new LinkedHashSet<>(jdbc.queryForList(
                "DELETE FROM rm_volunteer_hours WHERE service_record_id = ? AND source = 'SERVICE'"
                        + " RETURNING volunteer_id", String.class, event.serviceRecordId()));
        jdbc.update("DELETE FROM rm_service_person WHERE service_record_id = ?", event.serviceRecordId());
        affected.addAll(name(event.serviceRecordId(), details, event.correctedAt()));
        affected.forEach(totals::refresh);
    }

    @EventHandler
    void on(ServiceRecordVoided event, @SequenceNumber long sequence) {
        Sql.updateIfNewer(jdbc, "rm_service_people", "service_record_id", event.serviceRecordId(), sequence,
                "voided = TRUE");
        new LinkedHashSet<>(jdbc.queryForList("UPDATE rm_volunteer_hours SET voided = TRUE"
                        + " WHERE service_record_id = ? AND NOT voided RETURNING volunteer_id", String.class,
                event.serviceRecordId())).forEach(totals::refresh);
    }

    /** Writes the people the service names; returns the volunteers whose totals changed. */
    private Set<String> name(String serviceRecordId, ServiceDetails details, Instant recordedAt) {
        Provider provider = details.provider();
        provider.socialWorkerIds().forEach(id -> person(serviceRecordId, SOCIAL_WORKER, id));
        provider.staffIds().forEach(id -> person(serviceRecordId, STAFF, id));
        String month = VolunteerProjection.MONTH.format(details.deliveredAt().atZone(properties.getTimeZone()));
        Set<String> volunteers = new LinkedHashSet<>();
        for (VolunteerTime volunteer : provider.volunteers()) {
            jdbc.update("""
                    INSERT INTO rm_volunteer_hours (volunteer_id, service_record_id, station_id, station_name,
                        district, project_code, project_name, delivered_at, month, minutes, recorded_at, source)
                    SELECT ?, service_record_id, station_id, station_name, district, project_code, project_name,
                           delivered_at, ?, ?, ?, 'SERVICE'
                    FROM rm_service_people WHERE service_record_id = ?
                    ON CONFLICT (volunteer_id, service_record_id, source) DO NOTHING""",
                    volunteer.volunteerId(), month, volunteer.minutes(), Sql.timestamp(recordedAt), serviceRecordId);
            volunteers.add(volunteer.volunteerId());
        }
        return volunteers;
    }

    private void person(String serviceRecordId, String kind, String personId) {
        jdbc.update("INSERT INTO rm_service_person (service_record_id, person_kind, person_id) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", serviceRecordId, kind, personId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_service_person");
        jdbc.update("DELETE FROM rm_service_people");
    }
}

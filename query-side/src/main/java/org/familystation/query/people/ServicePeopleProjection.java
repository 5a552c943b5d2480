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
import org.familystation.query.common.BatchWrites;
import org.familystation.query.common.BatchedProjection;
import org.familystation.query.common.OneBatchAtATime;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.ProjectionBatches;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.Sql;
import org.familystation.query.common.Sql.ArrayColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.familystation.query.common.Sql.ArrayColumn.BIGINT;
import static org.familystation.query.common.Sql.ArrayColumn.INTEGER;
import static org.familystation.query.common.Sql.ArrayColumn.TEXT;
import static org.familystation.query.common.Sql.ArrayColumn.TIMESTAMPTZ;

/**
 * The people each service record names, in the people read models: {@code rm_service_people} (where, when, whether
 * it stands), {@code rm_service_person} (its social workers and staff) and the volunteers' time on it in
 * {@code rm_volunteer_hours} (source SERVICE), with the volunteers' totals ({@link VolunteerTotals}). A correction
 * replaces them; a voiding takes every volunteer's time on the service (however recorded) out of the totals, and the
 * service out of each social worker's count. A change applies only when its event is newer than what the row
 * reflects, so redelivery changes nothing.
 * <p>
 * New records are the bulk of the history, so their writes are collected over a batch
 * ({@link ProjectionBatches#writes}) and applied in a few multi-row statements; a correction or a voiding reads the
 * rows, so it first applies the records collected before it.
 */
@Component
// Batched: every service record. One at a time: a volunteer's totals count a service once across entries that the
// volunteer's events (another segment) write too, and a voiding marks entries of the volunteer's.
@BatchedProjection
@OneBatchAtATime
@ProcessingGroup(ProcessingGroups.PEOPLE)
public class ServicePeopleProjection {

    static final String SOCIAL_WORKER = "SOCIAL_WORKER";
    static final String STAFF = "STAFF";

    /** The types of the rows' values sent as arrays ({@link Sql#columns}), in the order each statement lists them. */
    private static final ArrayColumn[] SERVICE_COLUMNS = {TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TIMESTAMPTZ,
            BIGINT};
    private static final ArrayColumn[] PERSON_COLUMNS = {TEXT, TEXT, TEXT};
    private static final ArrayColumn[] VOLUNTEER_COLUMNS = {TEXT, TEXT, TEXT, INTEGER, TIMESTAMPTZ};

    private final JdbcTemplate jdbc;
    private final QueryProperties properties;
    private final VolunteerTotals totals;
    private final ProjectionBatches batches;

    public ServicePeopleProjection(JdbcTemplate jdbc, QueryProperties properties, VolunteerTotals totals,
                                   ProjectionBatches batches) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.totals = totals;
        this.batches = batches;
    }

    @EventHandler
    void on(ServiceRecorded event, @SequenceNumber long sequence) {
        writes().services.add(new NewService(event, sequence));
    }

    @EventHandler
    void on(ServiceRecordCorrected event, @SequenceNumber long sequence) {
        writes().flush();
        ServiceDetails details = event.corrected();
        int advanced = Sql.updateIfNewer(jdbc, "rm_service_people", "service_record_id", event.serviceRecordId(),
                sequence, "project_code = ?, project_name = ?, provider_kind = ?, delivered_at = ?",
                details.projectCode(), details.projectName(), details.provider().kind().name(),
                Sql.timestamp(details.deliveredAt()));
        if (advanced == 0) {
            return;
        }
        List<VolunteerTotals.Entry> stopped = jdbc.query("DELETE FROM rm_volunteer_hours WHERE service_record_id = ?"
                + " AND source = 'SERVICE' AND NOT voided RETURNING " + VolunteerTotals.ENTRY_COLUMNS,
                VolunteerTotals.ENTRY, event.serviceRecordId());
        // Voided ones count in no total.
        jdbc.update("DELETE FROM rm_volunteer_hours WHERE service_record_id = ? AND source = 'SERVICE'",
                event.serviceRecordId());
        jdbc.update("DELETE FROM rm_service_person WHERE service_record_id = ?", event.serviceRecordId());
        totals.moved(name(List.of(new Named(event.serviceRecordId(), details, event.correctedAt()))), stopped);
    }

    @EventHandler
    void on(ServiceRecordVoided event, @SequenceNumber long sequence) {
        writes().flush();
        Sql.updateIfNewer(jdbc, "rm_service_people", "service_record_id", event.serviceRecordId(), sequence,
                "voided = TRUE");
        totals.moved(List.of(), jdbc.query("UPDATE rm_volunteer_hours SET voided = TRUE"
                + " WHERE service_record_id = ? AND NOT voided RETURNING " + VolunteerTotals.ENTRY_COLUMNS,
                VolunteerTotals.ENTRY, event.serviceRecordId()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_service_person");
        jdbc.update("DELETE FROM rm_service_people");
    }

    private Writes writes() {
        return batches.writes(Writes.class, Writes::new);
    }

    /**
     * Writes the people the services name, their rows in {@code rm_service_people} written already; returns the
     * volunteers' entries that were new.
     */
    private List<VolunteerTotals.Entry> name(List<Named> services) {
        List<Object[]> persons = new ArrayList<>();
        List<Object[]> volunteers = new ArrayList<>();
        for (Named service : services) {
            Provider provider = service.details().provider();
            provider.socialWorkerIds().forEach(id -> persons.add(new Object[] {service.serviceRecordId(),
                    SOCIAL_WORKER, id}));
            provider.staffIds().forEach(id -> persons.add(new Object[] {service.serviceRecordId(), STAFF, id}));
            String month = VolunteerProjection.MONTH.format(service.details().deliveredAt()
                    .atZone(properties.getTimeZone()));
            for (VolunteerTime volunteer : provider.volunteers()) {
                volunteers.add(new Object[] {volunteer.volunteerId(), service.serviceRecordId(), month,
                        volunteer.minutes(), service.recordedAt().toString()});
            }
        }
        if (!persons.isEmpty()) {
            jdbc.update("""
                    INSERT INTO rm_service_person (service_record_id, person_kind, person_id)
                    SELECT * FROM %s
                    ON CONFLICT DO NOTHING""".formatted(Sql.unnest(PERSON_COLUMNS)),
                    Sql.columns(persons, PERSON_COLUMNS));
        }
        if (volunteers.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                INSERT INTO rm_volunteer_hours (volunteer_id, service_record_id, station_id, station_name,
                    district, project_code, project_name, delivered_at, month, minutes, recorded_at, source)
                SELECT d.volunteer_id, p.service_record_id, p.station_id, p.station_name, p.district,
                       p.project_code, p.project_name, p.delivered_at, d.month, d.minutes, d.recorded_at, 'SERVICE'
                FROM %s
                    AS d (volunteer_id, service_record_id, month, minutes, recorded_at)
                JOIN rm_service_people p ON p.service_record_id = d.service_record_id
                ON CONFLICT (volunteer_id, service_record_id, source) DO NOTHING
                RETURNING\s""".formatted(Sql.unnest(VOLUNTEER_COLUMNS)) + VolunteerTotals.ENTRY_COLUMNS,
                VolunteerTotals.ENTRY, Sql.columns(volunteers, VOLUNTEER_COLUMNS));
    }

    /** A service whose people are written: its details as recorded or corrected. */
    private record Named(String serviceRecordId, ServiceDetails details, Instant recordedAt) {
    }

    private record NewService(ServiceRecorded event, long sequence) {
    }

    /** The new records of a batch, not yet written. */
    private final class Writes implements BatchWrites {

        final List<NewService> services = new ArrayList<>();

        /**
         * Inserts the records collected so far and names the people of those that were new (a redelivered one
         * inserts nothing, so a record corrected since does not get its first people back).
         */
        @Override
        public void flush() {
            List<NewService> collected = List.copyOf(services);
            services.clear();
            Map<String, Named> inserted = new LinkedHashMap<>();
            if (!collected.isEmpty()) {
                List<Object[]> rows = new ArrayList<>(collected.size());
                Map<String, ServiceRecorded> byId = new HashMap<>();
                for (NewService row : collected) {
                    ServiceRecorded event = row.event();
                    ServiceDetails details = event.details();
                    rows.add(new Object[]{event.serviceRecordId(), event.stationId(), event.stationName(),
                            event.district(), details.projectCode(), details.projectName(),
                            details.provider().kind().name(), details.deliveredAt().toString(), row.sequence()});
                    byId.putIfAbsent(event.serviceRecordId(), event);
                }
                jdbc.queryForList("""
                        INSERT INTO rm_service_people (service_record_id, station_id, station_name, district,
                            project_code, project_name, provider_kind, delivered_at, last_sequence)
                        SELECT * FROM %s
                        ON CONFLICT (service_record_id) DO NOTHING RETURNING service_record_id""".formatted(
                                Sql.unnest(SERVICE_COLUMNS)), String.class, Sql.columns(rows, SERVICE_COLUMNS))
                        .forEach(id -> {
                                    ServiceRecorded event = byId.get(id);
                                    inserted.put(id, new Named(id, event.details(), event.recordedAt()));
                                });
            }
            totals.moved(name(new ArrayList<>(inserted.values())), List.of());
        }
    }
}

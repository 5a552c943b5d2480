package org.familystation.query.servicerecord;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds {@code rm_service_record} and the dashboard counters in {@code rm_service_stats}. A counter changes only
 * when the record's row actually changed (inserted, or updated from an older sequence number), so redelivered
 * events never count twice. Each event's writes are one savepoint
 * ({@link org.familystation.query.common.ProjectionBatches}): if a handler fails and the event goes to the
 * dead-letter queue, none of its writes stay behind in the batch.
 */
@Component
@ProcessingGroup(ProcessingGroups.SERVICE_RECORDS)
public class ServiceRecordProjection {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final JdbcTemplate jdbc;
    private final QueryProperties properties;

    public ServiceRecordProjection(JdbcTemplate jdbc, QueryProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventHandler
    void on(ServiceRecorded event, @SequenceNumber long sequence) {
        recorded(event, sequence);
    }

    @EventHandler
    void on(ServiceRecordCorrected event, @SequenceNumber long sequence) {
        corrected(event, sequence);
    }

    @EventHandler
    void on(ServiceRecordVoided event, @SequenceNumber long sequence) {
        voided(event, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_service_record");
        jdbc.update("DELETE FROM rm_service_stats");
    }

    private void recorded(ServiceRecorded event, long sequence) {
        ServiceDetails details = event.details();
        int inserted = jdbc.update("""
                INSERT INTO rm_service_record (service_record_id, station_id, station_name, district, station_point,
                    project_code, project_name, provider_kind, provider_member_id, provider_name, delivered_at,
                    participant_count, description, outcome, satisfaction, feedback, recorded_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (service_record_id) DO NOTHING""",
                event.serviceRecordId(), event.stationId(), event.stationName(), event.district(),
                details.stationPoint().name(), details.projectCode(), details.projectName(),
                details.provider().kind().name(), details.provider().memberId(), details.provider().name(),
                Sql.timestamp(details.deliveredAt()), details.participantCount(), details.description(),
                details.outcome(), details.satisfaction(), details.feedback(), Sql.timestamp(event.recordedAt()),
                sequence);
        if (inserted == 1) {
            count(event.district(), details, +1);
        }
    }

    private void corrected(ServiceRecordCorrected event, long sequence) {
        Standing before = standing(event.serviceRecordId(), sequence);
        if (before == null) {
            return;
        }
        ServiceDetails after = event.corrected();
        jdbc.update("""
                UPDATE rm_service_record SET station_point = ?, project_code = ?, project_name = ?, provider_kind = ?,
                    provider_member_id = ?, provider_name = ?, delivered_at = ?, participant_count = ?,
                    description = ?, outcome = ?, satisfaction = ?, feedback = ?,
                    correction_count = correction_count + 1, last_sequence = ?
                WHERE service_record_id = ?""",
                after.stationPoint().name(), after.projectCode(), after.projectName(), after.provider().kind().name(),
                after.provider().memberId(), after.provider().name(), Sql.timestamp(after.deliveredAt()),
                after.participantCount(), after.description(), after.outcome(), after.satisfaction(),
                after.feedback(), sequence, event.serviceRecordId());
        if (!before.voided()) {
            count(before.district(), before.details(), -1);
            count(before.district(), after, +1);
        }
    }

    private void voided(ServiceRecordVoided event, long sequence) {
        Standing before = standing(event.serviceRecordId(), sequence);
        if (before == null) {
            return;
        }
        jdbc.update("UPDATE rm_service_record SET voided = TRUE, void_reason = ?, last_sequence = ?"
                + " WHERE service_record_id = ?", event.reason(), sequence, event.serviceRecordId());
        if (!before.voided()) {
            count(before.district(), before.details(), -1);
        }
    }

    /** What the record counts as now, if the event at {@code sequence} is news to it (null otherwise). */
    private Standing standing(String serviceRecordId, long sequence) {
        List<Standing> rows = jdbc.query("""
                SELECT district, station_point, project_code, project_name, delivered_at, participant_count,
                       satisfaction, voided
                FROM rm_service_record WHERE service_record_id = ? AND last_sequence < ? FOR UPDATE""",
                (row, index) -> new Standing(row.getString("district"), row.getBoolean("voided"), new ServiceDetails(
                        StationPoint.valueOf(row.getString("station_point")),
                        row.getString("project_code"), row.getString("project_name"), null,
                        Sql.instant(row, "delivered_at"), row.getInt("participant_count"), null, null,
                        Sql.integer(row, "satisfaction"), null)),
                serviceRecordId, sequence);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void count(String district, ServiceDetails details, int sign) {
        boolean rated = details.satisfaction() != null;
        jdbc.update("""
                INSERT INTO rm_service_stats (district, station_point, project_code, project_name, month, services,
                                              participants, satisfaction_sum, satisfaction_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (district, station_point, project_code, month) DO UPDATE SET
                    services = rm_service_stats.services + EXCLUDED.services,
                    participants = rm_service_stats.participants + EXCLUDED.participants,
                    satisfaction_sum = rm_service_stats.satisfaction_sum + EXCLUDED.satisfaction_sum,
                    satisfaction_count = rm_service_stats.satisfaction_count + EXCLUDED.satisfaction_count""",
                district, details.stationPoint().name(), details.projectCode(), details.projectName(),
                MONTH.format(details.deliveredAt().atZone(properties.getTimeZone())), sign,
                sign * details.participantCount(), rated ? sign * details.satisfaction() : 0, rated ? sign : 0);
    }

    private record Standing(String district, boolean voided, ServiceDetails details) {
    }
}

package org.familystation.query.servicerecord;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.familystation.events.common.Provider;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordEvent;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.query.common.BatchWrites;
import org.familystation.query.common.BatchedProjection;
import org.familystation.query.common.CounterParts;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.ProjectionBatches;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.Sql;
import org.familystation.query.common.Sql.ArrayColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.familystation.query.common.Sql.ArrayColumn.BIGINT;
import static org.familystation.query.common.Sql.ArrayColumn.INTEGER;
import static org.familystation.query.common.Sql.ArrayColumn.SMALLINT;
import static org.familystation.query.common.Sql.ArrayColumn.TEXT;
import static org.familystation.query.common.Sql.ArrayColumn.TIMESTAMPTZ;

/**
 * Builds {@code rm_service_record} and the dashboard counters in {@code rm_service_stats}: what a record is after
 * each event is {@link ServiceRecordFold}'s, what it counts for {@link ServiceFigures}'. A counter changes only
 * when the record's row actually changed (inserted, or updated from an older sequence number), so redelivered
 * events never count twice.
 * <p>
 * New records are the bulk of the history and of the load, so their writes are collected over a batch
 * ({@link ProjectionBatches#writes}): one multi-row insert of the batch's records, and one upsert per counter row
 * with the batch's summed change, in key order. A correction or a void reads the record's row, so it first applies
 * the records collected before it. A record counts in the part of the counters of its aggregate
 * ({@link CounterParts}), so that segments never write the same counter row.
 */
@Component
// Batched: every service record, its records and counters written per batch.
@BatchedProjection
@ProcessingGroup(ProcessingGroups.SERVICE_RECORDS)
public class ServiceRecordProjection {

    private final JdbcTemplate jdbc;
    private final QueryProperties properties;
    private final ProjectionBatches batches;
    private final CounterParts parts;

    public ServiceRecordProjection(JdbcTemplate jdbc, QueryProperties properties, ProjectionBatches batches,
                                   CounterParts parts) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.batches = batches;
        this.parts = parts;
    }

    @EventHandler
    void on(ServiceRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes().records.add(new NewRecord(event, parts.of(aggregateId), sequence));
    }

    @EventHandler
    void on(ServiceRecordCorrected event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        change(event, parts.of(aggregateId), sequence);
    }

    @EventHandler
    void on(ServiceRecordVoided event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        change(event, parts.of(aggregateId), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_service_record");
        jdbc.update("DELETE FROM rm_service_stats");
    }

    private Writes writes() {
        return batches.writes(Writes.class, Writes::new);
    }

    /**
     * Applies a correction or a voiding to the record its row holds ({@link ServiceRecordFold}), and moves the
     * counters from what the record counted for to what it counts for now.
     */
    private void change(ServiceRecordEvent event, short part, long sequence) {
        Writes writes = writes();
        writes.flushRecords();
        ServiceRecordState before = load(event.serviceRecordId(), sequence);
        if (before == null) {
            return;
        }
        ServiceRecordState after = ServiceRecordFold.evolve(before, event);
        ServiceDetails details = after.details();
        jdbc.update("""
                UPDATE rm_service_record SET station_point = ?, project_code = ?, project_name = ?, provider_kind = ?,
                    provider_member_id = ?, provider_name = ?, delivered_at = ?, participant_count = ?,
                    description = ?, outcome = ?, satisfaction = ?, feedback = ?, correction_count = ?, voided = ?,
                    void_reason = ?, last_sequence = ?
                WHERE service_record_id = ?""",
                details.stationPoint().name(), details.projectCode(), details.projectName(),
                details.provider().kind().name(), details.provider().memberId(), details.provider().displayName(),
                Sql.timestamp(details.deliveredAt()), details.participantCount(), details.description(),
                details.outcome(), details.satisfaction(), details.feedback(), after.correctionCount(),
                after.voided(), after.voidReason(), sequence, after.serviceRecordId());
        writes.count(before, part, -1);
        writes.count(after, part, +1);
    }

    /** The record as its row holds it, if the event at {@code sequence} is news to it (null otherwise). */
    private ServiceRecordState load(String serviceRecordId, long sequence) {
        List<ServiceRecordState> rows = jdbc.query("""
                SELECT * FROM rm_service_record WHERE service_record_id = ? AND last_sequence < ? FOR UPDATE""",
                (row, index) -> new ServiceRecordState(serviceRecordId, row.getString("station_id"),
                        row.getString("station_name"), row.getString("district"), details(row),
                        Sql.instant(row, "recorded_at"), row.getInt("correction_count"), row.getBoolean("voided"),
                        row.getString("void_reason")),
                serviceRecordId, sequence);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The details as the row holds them: of the provider, who it was, not the people it named. */
    private static ServiceDetails details(ResultSet row) throws SQLException {
        Provider provider = new Provider(ProviderKind.valueOf(row.getString("provider_kind")),
                row.getString("provider_member_id"), row.getString("provider_name"), List.of(), List.of(), List.of());
        return new ServiceDetails(StationPoint.valueOf(row.getString("station_point")),
                row.getString("project_code"), row.getString("project_name"), provider,
                Sql.instant(row, "delivered_at"), row.getInt("participant_count"), row.getString("description"),
                row.getString("outcome"), Sql.integer(row, "satisfaction"), row.getString("feedback"));
    }

    private record NewRecord(ServiceRecorded event, short part, long sequence) {
    }

    /**
     * One counter row of {@code rm_service_stats}, kept per station so that every reach sums the same rows, and per
     * part ({@link CounterParts}); ordered, so that a batch writes its counters in one order.
     */
    private record CounterKey(String stationId, String district, String stationPoint, String projectCode,
                              String month, short part) implements Comparable<CounterKey> {

        private static final Comparator<CounterKey> ORDER = Comparator.comparing(CounterKey::stationId)
                .thenComparing(CounterKey::district).thenComparing(CounterKey::stationPoint).thenComparing(CounterKey::projectCode)
                .thenComparing(CounterKey::month).thenComparing(CounterKey::part);

        @Override
        public int compareTo(CounterKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** The change of one counter row: services, participants and ratings added (negative when taken away). */
    private static final class CounterChange {
        String projectName;
        ServiceFigures figures = ServiceFigures.NONE;
    }

    /** The records and counter changes of a batch, not yet written. */
    private final class Writes implements BatchWrites {

        final List<NewRecord> records = new ArrayList<>();
        final SortedMap<CounterKey, CounterChange> counters = new TreeMap<>();

        /** Adds what {@code record} counts for to its counter row in {@code part} ({@code sign} -1: takes it away). */
        void count(ServiceRecordState record, short part, int sign) {
            if (!ServiceRecordFold.stands(record)) {
                return;
            }
            ServiceDetails details = record.details();
            CounterChange change = counters.computeIfAbsent(new CounterKey(record.stationId(), record.district(),
                    details.stationPoint().name(), details.projectCode(),
                    ServiceFigures.month(details, properties.getTimeZone()), part), key -> new CounterChange());
            change.projectName = details.projectName();
            change.figures = change.figures.plus(ServiceFigures.of(record), sign);
        }

        /**
         * Inserts the records collected so far, one array per column ({@link Sql#columns}); counts those that were new
         * (a redelivered one inserts nothing).
         */
        void flushRecords() {
            if (!records.isEmpty()) {
                insert(records);
            }
            records.clear();
        }

        /** The types of a record's values, in the order {@link #insert} lists them. */
        private static final ArrayColumn[] RECORD_COLUMNS = {TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT,
                TEXT, TIMESTAMPTZ, INTEGER, TEXT, TEXT, SMALLINT, TEXT, TIMESTAMPTZ, BIGINT};

        private void insert(List<NewRecord> rows) {
            List<Object[]> values = new ArrayList<>(rows.size());
            Map<String, NewRecord> byId = new HashMap<>();
            for (NewRecord row : rows) {
                ServiceRecorded event = row.event();
                ServiceDetails details = event.details();
                values.add(new Object[]{event.serviceRecordId(), event.stationId(), event.stationName(),
                        event.district(), details.stationPoint().name(), details.projectCode(),
                        details.projectName(), details.provider().kind().name(), details.provider().memberId(),
                        details.provider().displayName(), details.deliveredAt().toString(), details.participantCount(),
                        details.description(), details.outcome(), details.satisfaction(), details.feedback(),
                        event.recordedAt().toString(), row.sequence()});
                byId.putIfAbsent(event.serviceRecordId(), row);
            }
            List<String> inserted = jdbc.queryForList("""
                    INSERT INTO rm_service_record (service_record_id, station_id, station_name, district,
                        station_point, project_code, project_name, provider_kind, provider_member_id, provider_name,
                        delivered_at, participant_count, description, outcome, satisfaction, feedback, recorded_at,
                        last_sequence)
                    SELECT * FROM %s
                    ON CONFLICT (service_record_id) DO NOTHING RETURNING service_record_id""".formatted(
                            Sql.unnest(RECORD_COLUMNS)), String.class, Sql.columns(values, RECORD_COLUMNS));
            for (String id : inserted) {
                NewRecord record = byId.get(id);
                count(ServiceRecordFold.evolve(null, record.event()), record.part(), +1);
            }
        }

        /** Adds each counter's change to its row (creating it), in key order. */
        private void upsert(List<Map.Entry<CounterKey, CounterChange>> changes) {
            List<Object> arguments = new ArrayList<>(changes.size() * 11);
            changes.forEach(entry -> Collections.addAll(arguments, entry.getKey().stationId(),
                    entry.getKey().district(), entry.getKey().stationPoint(), entry.getKey().projectCode(),
                    entry.getValue().projectName, entry.getKey().month(), entry.getKey().part(),
                    entry.getValue().figures.services(),
                    entry.getValue().figures.participants(), entry.getValue().figures.satisfactionSum(),
                    entry.getValue().figures.satisfactionCount()));
            jdbc.update("""
                    INSERT INTO rm_service_stats (station_id, district, station_point, project_code, project_name,
                                                  month, part, services, participants, satisfaction_sum,
                                                  satisfaction_count)
                    VALUES""" + " " + Sql.valueRows(changes.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") + """
                     ON CONFLICT (station_id, district, station_point, project_code, month, part) DO UPDATE SET
                        services = rm_service_stats.services + EXCLUDED.services,
                        participants = rm_service_stats.participants + EXCLUDED.participants,
                        satisfaction_sum = rm_service_stats.satisfaction_sum + EXCLUDED.satisfaction_sum,
                        satisfaction_count = rm_service_stats.satisfaction_count + EXCLUDED.satisfaction_count""",
                    arguments.toArray());
        }

        @Override
        public void flush() {
            flushRecords();
            Sql.inSlices(new ArrayList<>(counters.entrySet()), this::upsert);
            counters.clear();
        }
    }
}

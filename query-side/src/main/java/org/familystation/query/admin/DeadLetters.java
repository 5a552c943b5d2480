package org.familystation.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.ProcessingGroups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The projections' dead-letter queues, one per processing group (groups of a family share a processor, not a queue):
 * list what is parked (read from the queue's table, as every node sees it), retry a sequence through Axon's
 * {@link SequencedDeadLetterProcessor} once its cause is fixed, or drop a letter whose event the projection should
 * never apply.
 */
@Component
public class DeadLetters {

    private static final String COLUMNS = """
            d.processing_group, d.event_identifier, d.payload_type, d.type, d.aggregate_identifier, d.sequence_number,
            d.sequence_identifier, d.sequence_index, d.time_stamp, d.enqueued_at, d.last_touched, d.cause_type,
            d.cause_message, d.sequence_index = (SELECT min(f.sequence_index) FROM dead_letter_entry f
                WHERE f.processing_group = d.processing_group AND f.sequence_identifier = d.sequence_identifier) AS first
            """;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public DeadLetters(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /**
     * The letters of one processing group, or of every group of a processor (a family), or of all when {@code name}
     * is null, oldest first.
     */
    public List<DeadLetterView> list(String name, int limit) {
        if (name != null) {
            List<String> groups = processing.deadLetterQueue(name).isPresent() ? List.of(name)
                    : processing.eventProcessors().containsKey(name) ? ProcessingGroups.groupsOf(name) : null;
            if (groups == null) {
                throw DomainException.refuse(AdminRefusals.PROCESSOR_NOT_FOUND, name);
            }
            return jdbc.query(connection -> {
                var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter_entry d"
                        + " WHERE d.processing_group = ANY (?)"
                        + " ORDER BY d.enqueued_at, d.sequence_identifier, d.sequence_index LIMIT ?");
                statement.setArray(1, connection.createArrayOf("varchar", groups.toArray()));
                statement.setInt(2, limit);
                return statement;
            }, (row, index) -> read(row));
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letter_entry d"
                + " ORDER BY d.processing_group, d.enqueued_at, d.sequence_identifier, d.sequence_index LIMIT ?",
                (row, index) -> read(row), limit);
    }

    public DeadLetterView one(String group, String eventId) {
        queue(group, eventId);
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letter_entry d WHERE d.processing_group = ?"
                        + " AND d.event_identifier = ?", (row, index) -> read(row), group, eventId)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(AdminRefusals.DEAD_LETTER_NOT_FOUND, group, eventId));
    }

    /**
     * Handles the letter's sequence again, in order, starting with this letter (which must head it). Refused when
     * it fails again; the letter stays parked with the new cause.
     *
     * @return how many letters of its sequence are still parked (later ones may fail on their own)
     */
    public long retry(String group, String eventId) {
        DeadLetterView letter = one(group, eventId);
        if (!letter.first()) {
            String head = jdbc.queryForObject("SELECT event_identifier FROM dead_letter_entry WHERE processing_group"
                    + " = ? AND sequence_identifier = ? ORDER BY sequence_index LIMIT 1", String.class, group,
                    letter.sequence());
            throw DomainException.refuse(AdminRefusals.DEAD_LETTER_NOT_FIRST, eventId, head);
        }
        SequencedDeadLetterProcessor<EventMessage<?>> retrying = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> DomainException.refuse(AdminRefusals.PROCESSOR_NOT_FOUND, group));
        retrying.process(dead -> dead.message().getIdentifier().equals(eventId));
        List<String> cause = jdbc.queryForList("SELECT cause_message FROM dead_letter_entry WHERE processing_group = ?"
                + " AND event_identifier = ?", String.class, group, eventId);
        if (!cause.isEmpty()) {
            throw DomainException.refuse(AdminRefusals.DEAD_LETTER_STILL_FAILING, eventId, cause.get(0));
        }
        Long left = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?"
                + " AND sequence_identifier = ?", Long.class, group, letter.sequence());
        return left == null ? 0 : left;
    }

    /** Drops the letter: the projection never applies that event. Later letters of its sequence stay parked. */
    public void drop(String group, String eventId) {
        DeadLetterView letter = one(group, eventId);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group, eventId);
        DeadLetter<? extends EventMessage<?>> dead = StreamSupport.stream(
                        queue.deadLetterSequence(letter.sequence()).spliterator(), false)
                .filter(candidate -> candidate.message().getIdentifier().equals(eventId))
                .findFirst()
                .orElseThrow(() -> DomainException.refuse(AdminRefusals.DEAD_LETTER_NOT_FOUND, group, eventId));
        queue.evict(dead);
    }

    /** The processing group's queue; a processor's name (a family's) has none of its own. */
    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group, String eventId) {
        return processing.deadLetterQueue(group).orElseThrow(() -> processing.eventProcessors().containsKey(group)
                ? DomainException.refuse(AdminRefusals.DEAD_LETTER_NOT_FOUND, group, eventId)
                : DomainException.refuse(AdminRefusals.PROCESSOR_NOT_FOUND, group));
    }

    private static DeadLetterView read(ResultSet row) throws SQLException {
        long aggregateSequence = row.getLong("sequence_number");
        Long sequenceNumber = row.wasNull() ? null : aggregateSequence;
        String payloadType = row.getString("payload_type");
        String group = row.getString("processing_group");
        return new DeadLetterView(ProcessingGroups.processorOf(group), group, row.getString("event_identifier"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1), row.getString("type"),
                row.getString("aggregate_identifier"), sequenceNumber, row.getString("sequence_identifier"),
                row.getLong("sequence_index"), row.getBoolean("first"), instant(row.getString("time_stamp")),
                instant(row.getString("enqueued_at")), instant(row.getString("last_touched")),
                row.getString("cause_type"), row.getString("cause_message"));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}

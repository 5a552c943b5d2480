package org.familystation.query.evaluation;

import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.familystation.query.common.ProcessingGroups;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The positions of the processors whose read models evaluations read, from the token store as it stands in the
 * caller's transaction. Tokens are read, never claimed: a report must not take a segment from its processor.
 */
@Component
class EventPositions {

    /** The processing groups whose tables an evaluation reads. */
    static final List<String> READ = List.of(ProcessingGroups.NETWORK, ProcessingGroups.STATIONS,
            ProcessingGroups.ALLIANCE_MEMBERS, ProcessingGroups.SERVICE_RECORDS, ProcessingGroups.FUNDS,
            ProcessingGroups.REFERRALS, ProcessingGroups.NEEDS, ProcessingGroups.PEOPLE);
    /** The processors reading for them (their families), whose tokens say where those tables stand. */
    static final List<String> READ_BY = ProcessingGroups.processorsOf(READ);

    private final NamedParameterJdbcTemplate jdbc;
    private final Serializer serializer;

    EventPositions(NamedParameterJdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    EventPosition now() {
        Map<String, Long> processors = new TreeMap<>();
        READ_BY.forEach(processor -> processors.put(processor, null));
        Map<String, Boolean> seen = new TreeMap<>();
        AtomicBoolean replaying = new AtomicBoolean();
        MapSqlParameterSource parameters = new MapSqlParameterSource("processors", READ_BY).addValue("groups", READ);
        jdbc.query("SELECT processor_name, segment, token, token_type FROM token_entry"
                + " WHERE processor_name IN (:processors) ORDER BY processor_name, segment", parameters, row -> {
                    String processor = row.getString("processor_name");
                    byte[] bytes = row.getBytes("token");
                    TrackingToken token = bytes == null ? null : serializer.deserialize(
                            new SimpleSerializedObject<>(bytes, byte[].class, row.getString("token_type"), null));
                    if (token != null && ReplayToken.isReplay(token)) {
                        replaying.set(true);
                    }
                    Long position = committed(token);
                    boolean first = seen.put(processor, true) == null;
                    Long before = processors.get(processor);
                    // A segment that has processed nothing holds the processor back to nothing.
                    processors.put(processor, first ? position
                            : before == null || position == null ? null : Math.min(before, position));
                });
        Long head = jdbc.getJdbcTemplate().queryForObject(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        Long deadLetters = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry"
                + " WHERE processing_group IN (:groups)", parameters, Long.class);
        Long position = processors.values().stream().anyMatch(value -> value == null) ? null
                : processors.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long eventStoreHead = head == null ? 0 : head;
        return new EventPosition(position, eventStoreHead, position != null && position >= eventStoreHead,
                replaying.get(), deadLetters == null ? 0 : deadLetters, processors);
    }

    /**
     * The token's position: the highest global index the processor has handled (Axon's {@code position()}); a
     * replay's current position; a merge's lower half. Gaps (indexes skipped by transactions that rolled back or
     * had not committed) are not held against it: nearly all of them never fill.
     */
    static Long committed(TrackingToken token) {
        if (token == null) {
            return null;
        }
        if (token instanceof ReplayToken replay) {
            return committed(replay.getCurrentToken());
        }
        if (token instanceof MergedTrackingToken merged) {
            Long lower = committed(merged.lowerSegmentToken());
            Long upper = committed(merged.upperSegmentToken());
            return lower == null || upper == null ? null : Math.min(lower, upper);
        }
        return token.position().isPresent() ? token.position().getAsLong() : null;
    }
}

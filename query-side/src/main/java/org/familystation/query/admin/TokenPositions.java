package org.familystation.query.admin;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each segment of a processor stands, read from the token store as every node sees it (a processor's own
 * status only knows the segments this node has claimed), and how far the event store has got.
 */
@Component
public class TokenPositions {

    /** A segment's token: its position in the global sequence (-1 before the first event), owner, replaying. */
    public record Segment(int segment, long position, String owner, boolean replaying) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public TokenPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public List<Segment> segments(String processor) {
        return jdbc.query("SELECT segment, token, token_type, owner FROM token_entry WHERE processor_name = ?"
                + " ORDER BY segment", (row, index) -> {
            TrackingToken token = token(row.getBytes("token"), row.getString("token_type"));
            long position = token == null ? -1 : token.position().orElse(-1);
            return new Segment(row.getInt("segment"), position, row.getString("owner"),
                    token instanceof ReplayToken);
        }, processor);
    }

    /** Each segment's stored token (null before the first event), by segment. */
    public Map<Integer, TrackingToken> tokens(String processor) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        jdbc.query("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?", row -> {
            tokens.put(row.getInt("segment"), token(row.getBytes("token"), row.getString("token_type")));
        }, processor);
        return tokens;
    }

    /** The global index of the newest event (-1 when there is none). */
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** How many events there are up to that position (included). */
    public long eventsUpTo(long position) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?",
                Long.class, position);
        return count == null ? 0 : count;
    }

    /** The slowest segment's position: all events up to it are handled (-1 when none, or no tokens yet). */
    public static long slowest(List<Segment> segments) {
        return segments.stream().mapToLong(Segment::position).min().orElse(-1);
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        SerializedType serializedType = new SimpleSerializedType(type, null);
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, serializedType));
    }
}

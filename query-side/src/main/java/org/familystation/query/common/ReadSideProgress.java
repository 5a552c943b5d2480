package org.familystation.query.common;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.familystation.query.admin.TokenPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Whether the read side has handled every event up to a position of the event store: the question behind
 * read-your-writes ({@link ReadModelWait}).
 *
 * <p>Every streaming processor of this node counts except sagas (they feed no read model; they send commands): the
 * projections, and the command side's registries where they run here. None is listed by hand, so a new projection
 * counts from its first day. A processor has reached position {@code n} when each of its segments has, and a segment
 * has when
 * <ul>
 *     <li>its position is at least {@code n}, or no event after it up to {@code n} is of a type the processor's
 *     handlers take (its event handler invoker's {@code canHandleType}): a processor that takes none of the new
 *     events does not hold a query back, however far behind its token stands; and</li>
 *     <li>none of the gaps its token still waits for up to {@code n} (a transaction that took a lower index committed
 *     after a higher one) has meanwhile appeared as an event of a type it takes.</li>
 * </ul>
 * A segment's position is its processor's own status when this node works it (exact, moved by every event the
 * stream delivers), else its token in the token store, which another node stores after each batch it handles but,
 * while it passes events none of its handlers take, only when it extends its claim (every few seconds). That is why
 * the types matter: without them an idle projection worked elsewhere would hold every query back.
 */
@Component
public class ReadSideProgress {

    /**
     * Beyond this many events between a segment and the asked position the segment counts as behind without looking
     * at the events' types (a rebuilding projection): a query then waits for it, and scans no large range while
     * it polls.
     */
    static final long TYPE_SCAN_LIMIT = 100_000;

    private static final long WHOLE = 1L << 32;

    private final EventProcessingConfiguration processing;
    private final TokenPositions tokens;
    private final JdbcTemplate jdbc;
    private final Map<String, Boolean> takes = new ConcurrentHashMap<>();

    public ReadSideProgress(EventProcessingConfiguration processing, TokenPositions tokens, JdbcTemplate jdbc) {
        this.processing = processing;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    /** Where one segment of a processor stands: its position and the gaps up to the asked position it waits for. */
    private record Standing(String processor, long position, SortedSet<Long> gaps) {
    }

    /**
     * The processors that have not yet handled every event up to {@code position} that they take; empty when the read
     * side has it all.
     */
    public List<String> behind(long position) {
        List<Standing> standings = new ArrayList<>();
        Set<String> unstarted = new TreeSet<>();
        for (StreamingEventProcessor processor : readModelProcessors()) {
            List<Standing> segments = standings(processor, position);
            if (segments.isEmpty()) {
                unstarted.add(processor.getName());
            }
            standings.addAll(segments);
        }
        List<Standing> toCheck = standings.stream()
                .filter(standing -> standing.position() < position || !standing.gaps().isEmpty()).toList();
        Set<String> behind = new TreeSet<>(unstarted);
        if (toCheck.isEmpty()) {
            return List.copyOf(behind);
        }
        long lowest = toCheck.stream().mapToLong(Standing::position).min().orElse(position);
        boolean scannable = position - lowest <= TYPE_SCAN_LIMIT;
        Map<String, Long> lastOfType = scannable && lowest < position ? lastOfEachType(lowest, position) : Map.of();
        Map<Long, String> filled = filledGaps(toCheck);
        for (Standing standing : toCheck) {
            boolean late = standing.position() < position && (!scannable || lastOfType.entrySet().stream()
                    .anyMatch(last -> last.getValue() > standing.position() && takes(standing.processor(), last.getKey())));
            boolean gapFilled = standing.gaps().stream().map(filled::get)
                    .anyMatch(type -> type != null && takes(standing.processor(), type));
            if (late || gapFilled) {
                behind.add(standing.processor());
            }
        }
        return List.copyOf(behind);
    }

    /** The global index of the newest event (-1 when there is none). */
    public long head() {
        return tokens.head();
    }

    /**
     * The read side's processors on this node: every streaming processor but the sagas (the projections' families,
     * and the command side's registries where they run here).
     */
    public List<StreamingEventProcessor> readModelProcessors() {
        Set<String> sagas = processing.sagaConfigurations().stream().map(SagaConfiguration::processingGroup)
                .collect(Collectors.toSet());
        List<StreamingEventProcessor> found = new ArrayList<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && !sagas.contains(processor.getName())) {
                found.add(streaming);
            }
        }
        return found;
    }

    /**
     * Each segment of the processor: from its own status when this node works all of them (no query), else the
     * segments this node works from their status and the others from the token store.
     */
    private List<Standing> standings(StreamingEventProcessor processor, long position) {
        String name = processor.getName();
        Map<Integer, EventTrackerStatus> here = processor.processingStatus();
        Map<Integer, TrackingToken> bySegment = new HashMap<>();
        long covered = 0;
        for (Map.Entry<Integer, EventTrackerStatus> status : here.entrySet()) {
            bySegment.put(status.getKey(), status.getValue().getTrackingToken());
            covered += WHOLE / (status.getValue().getSegment().getMask() + 1L);
        }
        if (covered < WHOLE) {
            tokens.tokens(name).forEach((segment, stored) -> {
                if (!here.containsKey(segment)) {
                    bySegment.put(segment, stored);
                }
            });
        }
        return bySegment.values().stream().map(token -> standing(name, token, position)).toList();
    }

    private static Standing standing(String processor, TrackingToken token, long position) {
        if (token == null) {
            return new Standing(processor, -1, new TreeSet<>());
        }
        SortedSet<Long> gaps = WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware
                ? gapAware.getGaps().headSet(position + 1) : new TreeSet<>();
        return new Standing(processor, token.position().orElse(-1), gaps);
    }

    /** For each event type after {@code from} up to {@code to}: the last position it has in that range. */
    private Map<String, Long> lastOfEachType(long from, long to) {
        Map<String, Long> last = new HashMap<>();
        jdbc.query("SELECT payload_type, max(global_index) AS last FROM domain_event_entry"
                        + " WHERE global_index > ? AND global_index <= ? GROUP BY payload_type",
                row -> {
                    last.put(row.getString("payload_type"), row.getLong("last"));
                }, from, to);
        return last;
    }

    /** The gaps that have since been filled, with the type of the event that filled each. */
    private Map<Long, String> filledGaps(List<Standing> standings) {
        Long[] gaps = standings.stream().flatMap(standing -> standing.gaps().stream()).distinct().toArray(Long[]::new);
        Map<Long, String> filled = new HashMap<>();
        if (gaps.length > 0) {
            jdbc.query(connection -> {
                var statement = connection.prepareStatement(
                        "SELECT global_index, payload_type FROM domain_event_entry WHERE global_index = ANY (?)");
                statement.setArray(1, connection.createArrayOf("bigint", gaps));
                return statement;
            }, row -> {
                filled.put(row.getLong("global_index"), row.getString("payload_type"));
            });
        }
        return filled;
    }

    /** Whether any handler of the processor takes events of that payload type (remembered per processor and type). */
    private boolean takes(String processor, String payloadType) {
        return takes.computeIfAbsent(processor + '\n' + payloadType, key -> {
            EventProcessor found = processing.eventProcessors().get(processor);
            if (!(found instanceof AbstractEventProcessor withHandlers)) {
                return true;    // cannot tell: count it as taken, so the query waits rather than answers early
            }
            try {
                Class<?> type = Class.forName(payloadType, false, ReadSideProgress.class.getClassLoader());
                return withHandlers.eventHandlerInvoker().canHandleType(type);
            } catch (ClassNotFoundException unknown) {
                return false;   // a type this node does not know: its processors cannot take it either
            }
        });
    }
}

package org.familystation.query.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.web.ReadYourWrites;
import org.familystation.query.admin.TokenPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-your-writes for queries: a query carrying {@link ReadYourWrites#MIN_EVENT_POSITION} (the position a command
 * answered) is answered once every segment of every projection has handled the event store up to it; after {@code familystation.query.read-your-writes-timeout} it is
 * refused with 503 {@code READ_MODEL_BEHIND} instead of answering the older state. Searches then also refresh
 * their index ({@link #waited()}), whose documents become visible only at its next refresh otherwise.
 *
 * <p>Where a processor stands: the slowest of its segments, each where its processor's own status puts it when this
 * node works it, else where its stored token does. A processor does not see the events none of its handlers takes
 * (Axon's stream skips their types), so it stands still while only those are appended: it has reached a position
 * also when every event after where it stands, up to that position, is of a type it does not handle. A segment
 * stores its token only now and then while it passes others' events, so one worked by another node can hold a
 * query back until the timeout (with several query nodes, keep a client's reads on one node).
 */
@Component
public class ReadModelWait implements HandlerInterceptor, WebMvcConfigurer {

    private static final String WAITED = ReadModelWait.class.getName() + ".waited";
    private static final long POLL_MILLIS = 20;

    private final TokenPositions tokens;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final QueryProperties properties;

    public ReadModelWait(TokenPositions tokens, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                         QueryProperties properties) {
        this.tokens = tokens;
        this.processing = processing;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String given = request.getHeader(ReadYourWrites.MIN_EVENT_POSITION);
        if (given == null || given.isBlank() || !"GET".equals(request.getMethod())) {
            return true;
        }
        long position = position(given.strip());
        long deadline = System.nanoTime() + properties.getReadYourWritesTimeout().toNanos();
        while (!handledUpTo(position)) {
            if (System.nanoTime() > deadline) {
                response.setHeader("Retry-After", "1");
                throw DomainException.refuse(QueryRefusals.READ_MODEL_BEHIND, position);
            }
            Thread.sleep(POLL_MILLIS);
        }
        request.setAttribute(WAITED, Boolean.TRUE);
        return true;
    }

    /** Whether the current request waited for a position: a search then refreshes its index before it reads. */
    public static boolean waited() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null
                && Boolean.TRUE.equals(request.getAttribute(WAITED, RequestAttributes.SCOPE_REQUEST));
    }

    private boolean handledUpTo(long position) {
        return ProcessingGroups.ALL.stream().allMatch(processor -> handledUpTo(processor, position));
    }

    private boolean handledUpTo(String name, long position) {
        Optional<EventProcessor> processor = processing.eventProcessor(name);
        Map<Integer, EventTrackerStatus> here = processor.filter(StreamingEventProcessor.class::isInstance)
                .map(streaming -> ((StreamingEventProcessor) streaming).processingStatus()).orElse(Map.of());
        List<TokenPositions.Segment> segments = tokens.segments(name);
        if (segments.isEmpty()) {
            return false;
        }
        long reached = segments.stream().mapToLong(segment -> {
            EventTrackerStatus status = here.get(segment.segment());
            return status == null ? segment.position() : status.getCurrentPosition().orElse(-1);
        }).min().orElse(-1);
        if (reached >= position) {
            return true;
        }
        EventHandlerInvoker handlers = processor.filter(AbstractEventProcessor.class::isInstance)
                .map(found -> ((AbstractEventProcessor) found).eventHandlerInvoker()).orElse(null);
        return handlers != null && jdbc.queryForList("SELECT DISTINCT payload_type FROM domain_event_entry"
                        + " WHERE global_index > ? AND global_index <= ?", String.class, reached, position).stream()
                .noneMatch(type -> handles(handlers, type));
    }

    private static boolean handles(EventHandlerInvoker handlers, String payloadType) {
        try {
            return handlers.canHandleType(Class.forName(payloadType));
        } catch (ClassNotFoundException unknown) {
            return false;   // a type this node does not know: its processors skip it as well
        }
    }

    private static long position(String given) {
        try {
            long position = Long.parseLong(given);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw DomainException.refuseField(QueryRefusals.MIN_EVENT_POSITION_INVALID, ReadYourWrites.MIN_EVENT_POSITION);
    }
}

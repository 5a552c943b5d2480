package org.familystation.query.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.web.ReadYourWrites;
import org.familystation.query.admin.TokenPositions;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

/**
 * Read-your-writes for queries: a query carrying {@link ReadYourWrites#MIN_EVENT_POSITION} (the position a command
 * answered) is answered once every segment of every projection has handled the event store up to it; after {@code familystation.query.read-your-writes-timeout} it is
 * refused with 503 {@code READ_MODEL_BEHIND} instead of answering the older state. Searches then also refresh
 * their index ({@link #waited()}), whose documents become visible only at its next refresh otherwise.
 *
 * <p>Where a segment stands: for the segments this node works, the processor's own status, which moves on with
 * every event the segment passes; for the others, the token store. A segment stores its token when it handles an
 * event of its own, not when it only passes others' events, so a segment worked by another node and idle since
 * can hold a query back until the timeout (with several query nodes, keep a client's reads on one node).
 */
@Component
public class ReadModelWait implements HandlerInterceptor, WebMvcConfigurer {

    private static final String WAITED = ReadModelWait.class.getName() + ".waited";
    private static final long POLL_MILLIS = 20;

    private final TokenPositions tokens;
    private final EventProcessingConfiguration processing;
    private final QueryProperties properties;

    public ReadModelWait(TokenPositions tokens, EventProcessingConfiguration processing, QueryProperties properties) {
        this.tokens = tokens;
        this.processing = processing;
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

    private boolean handledUpTo(String processor, long position) {
        Map<Integer, EventTrackerStatus> here = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        List<TokenPositions.Segment> segments = tokens.segments(processor);
        return !segments.isEmpty() && segments.stream().allMatch(segment -> {
            EventTrackerStatus status = here.get(segment.segment());
            long reached = status == null ? segment.position() : status.getCurrentPosition().orElse(-1);
            return reached >= position;
        });
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

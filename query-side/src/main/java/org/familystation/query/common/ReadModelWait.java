package org.familystation.query.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.web.ReadYourWrites;
import org.familystation.query.admin.TokenPositions;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes for queries: a query carrying {@link ReadYourWrites#MIN_EVENT_POSITION} (the position a command
 * answered) is answered once every projection's slowest segment has handled the event store up to it, polled in
 * the token store (so it works across nodes); after {@code familystation.query.read-your-writes-timeout} it is
 * refused with 503 {@code READ_MODEL_BEHIND} instead of answering the older state. Searches then also refresh
 * their index ({@link #waited()}), whose documents become visible only at its next refresh otherwise.
 */
@Component
public class ReadModelWait implements HandlerInterceptor, WebMvcConfigurer {

    private static final String WAITED = ReadModelWait.class.getName() + ".waited";
    private static final long POLL_MILLIS = 20;

    private final TokenPositions tokens;
    private final QueryProperties properties;

    public ReadModelWait(TokenPositions tokens, QueryProperties properties) {
        this.tokens = tokens;
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
        return ProcessingGroups.ALL.stream()
                .allMatch(processor -> TokenPositions.slowest(tokens.segments(processor)) >= position);
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

package org.familystation.query.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.web.ReadYourWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.OptionalLong;

/**
 * Read-your-writes for every GET under {@code /api}: a query carrying the position a command answered
 * ({@code ?minPosition=n} or the header {@code X-Min-Event-Position: n}; both given, the larger counts) is answered
 * once the read side has handled every event up to it ({@link ReadSideProgress}), polling every few milliseconds.
 * After {@code familystation.query.read-your-writes-timeout} (5 s) it answers what it has, with
 * {@code X-Read-Model-Stale: true}: every read is still worth having (a list, a dashboard), a client that must see its
 * write can tell and ask again, and an answer never fails because one projection is rebuilding or stopped. A
 * position that is not a whole number, or that no event has reached yet, is refused (400).
 */
@Component
public class ReadModelWait implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelWait.class);
    private static final String REACHED = ReadModelWait.class.getName() + ".reached";
    private static final long POLL_MILLIS = 10;

    private final ReadSideProgress progress;
    private final QueryProperties properties;

    public ReadModelWait(ReadSideProgress progress, QueryProperties properties) {
        this.progress = progress;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        OptionalLong asked = asked(request);
        if (asked.isEmpty()) {
            return true;
        }
        long position = asked.getAsLong();
        long deadline = System.nanoTime() + properties.getReadYourWritesTimeout().toNanos();
        List<String> behind = progress.behind(position);
        if (!behind.isEmpty()) {
            long head = progress.head();
            if (position > head) {
                throw DomainException.refuseField(QueryRefusals.MIN_EVENT_POSITION_AHEAD, ReadYourWrites.MIN_POSITION,
                        position, head);
            }
        }
        while (!behind.isEmpty()) {
            if (System.nanoTime() > deadline) {
                LOG.info("{} answered before the read side reached event position {}: {} behind",
                        request.getRequestURI(), position, behind);
                response.setHeader(ReadYourWrites.STALE, "true");
                return true;
            }
            Thread.sleep(POLL_MILLIS);
            behind = progress.behind(position);
        }
        request.setAttribute(REACHED, position);
        return true;
    }

    /**
     * The position the current request waited for and the read side reached, if any: a search then makes sure its
     * index shows what was written up to it (documents become searchable at the index's next refresh otherwise).
     */
    public static OptionalLong reached() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object reached = request == null ? null : request.getAttribute(REACHED, RequestAttributes.SCOPE_REQUEST);
        return reached instanceof Long position ? OptionalLong.of(position) : OptionalLong.empty();
    }

    private static OptionalLong asked(HttpServletRequest request) {
        OptionalLong parameter = parse(request.getParameter(ReadYourWrites.MIN_POSITION));
        OptionalLong header = parse(request.getHeader(ReadYourWrites.MIN_EVENT_POSITION));
        if (parameter.isPresent() && header.isPresent()) {
            return OptionalLong.of(Math.max(parameter.getAsLong(), header.getAsLong()));
        }
        return parameter.isPresent() ? parameter : header;
    }

    private static OptionalLong parse(String given) {
        if (given == null) {
            return OptionalLong.empty();
        }
        try {
            long position = Long.parseLong(given.strip());
            if (position >= 0) {
                return OptionalLong.of(position);
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw DomainException.refuseField(QueryRefusals.MIN_EVENT_POSITION_INVALID, ReadYourWrites.MIN_POSITION);
    }
}

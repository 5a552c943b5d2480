package org.familystation.platform.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * A dependency that fails before a controller runs (signing in looks the account up in PostgreSQL; a web session's
 * account is read again on every request) escapes the filters, where {@link ProblemDetailsAdvice} never sees it, and
 * would end as the servlet container's 500. It answers the same 503 problem as a controller's failure would.
 */
public class UnavailableDependencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnavailableDependencyFilter.class);

    private final ObjectMapper objectMapper;

    public UnavailableDependencyFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            Optional<Dependency> down = Unavailability.of(failure);
            if (down.isEmpty() || response.isCommitted()) {
                throw failure;
            }
            log.warn("Answered 503 {} to {} {}: {}", down.get().code(), request.getMethod(), request.getRequestURI(),
                    ProblemDetailsAdvice.rootCause(failure));
            ProblemDetail problem = ProblemDetailsAdvice.unavailable(down.get());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(Dependency.RETRY_AFTER_SECONDS));
            Problems.write(response, objectMapper, problem);
        }
    }
}

package org.familystation.platform.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.familystation.platform.web.CorrelationIdFilter;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/** Builds the problem documents of this API: {@code code}, {@code detail} (Chinese), {@code detailEn}, {@code field}. */
public final class Problems {

    private static final String TYPE_BASE = "https://family-station.example/problems/";

    private Problems() {
    }

    public static ProblemDetail of(DomainException refusal) {
        ProblemDetail problem = problem(HttpStatus.valueOf(refusal.refusal().kind().httpStatus()), refusal.code(),
                refusal.userMessage(), refusal.userMessageEn());
        refusal.field().ifPresent(field -> problem.setProperty("field", field));
        return problem;
    }

    public static ProblemDetail field(HttpStatus status, String code, String field, String detail, String detailEn) {
        ProblemDetail problem = problem(status, code, detail, detailEn);
        problem.setProperty("field", field);
        return problem;
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail, String detailEn) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        problem.setProperty("detailEn", detailEn);
        addCorrelationId(problem);
        return problem;
    }

    /**
     * Answers the problem where no controller runs (a filter, the security chain): its status, and the document as
     * {@code application/problem+json} in UTF-8, written with the application's mapper.
     */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** 413: the body is larger than the limit (in bytes). */
    public static ProblemDetail bodyTooLarge(long limit) {
        String size = limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MB"
                : limit % 1024 == 0 ? limit / 1024 + " KB" : limit + " bytes";
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "请求内容过大：最多 " + size, "the request body is too large: at most " + size);
    }

    static void addCorrelationId(ProblemDetail problem) {
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
    }

    /** A code for the framework's own refusals, derived from the status (405 → METHOD_NOT_ALLOWED). */
    public static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }
}

package org.familystation.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.familystation.platform.input.BodyTooLargeException;
import org.familystation.platform.input.RefusedValueException;
import org.familystation.platform.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem response with a stable {@code code}: domain refusals with their own
 * code and status, malformed input as 400 naming the field, unknown ids as 404, a dependency that is down as 503
 * with {@code Retry-After} ({@link Unavailability}), and anything unexpected as a 500 that shows the correlation id to
 * quote, never a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<ProblemDetail> refused(DomainException refusal) {
        return respond(Problems.of(refusal));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException exception) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "找不到编号为 " + exception.getAggregateIdentifier() + " 的记录",
                "nothing exists with id " + exception.getAggregateIdentifier()));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ResponseEntity<ProblemDetail> idTaken(AggregateStreamCreationException exception) {
        return respond(Problems.problem(HttpStatus.CONFLICT, "ID_ALREADY_USED",
                "该编号已被使用，不能再创建一次", "the id is already used; nothing new was created"));
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException exception) {
        return respond(Problems.problem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                "该记录正被同时修改，请稍后重试", "the record was changed at the same time; try again"));
    }

    /** A query or path parameter that is not one of its values (an unknown filter value) or of the wrong type. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException exception) {
        String name = exception.getName();
        Class<?> type = exception.getRequiredType();
        if (type != null && type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).map(value -> ((Enum<?>) value).name())
                    .collect(Collectors.joining(", "));
            return respond(Problems.field(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", name,
                    "参数 " + name + " 的值无效，可用的值：" + values,
                    "parameter " + name + " has an unknown value; known values: " + values));
        }
        return respond(Problems.field(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", name,
                "参数 " + name + " 的值无效", "parameter " + name + " has an invalid value"));
    }

    /** Found while the body was read (a chunked body, which has no length to check beforehand). */
    @ExceptionHandler(BodyTooLargeException.class)
    public ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException exception) {
        return respond(Problems.bodyTooLarge(exception.limit()));
    }

    @ExceptionHandler(DependencyUnavailableException.class)
    public ResponseEntity<ProblemDetail> unavailable(DependencyUnavailableException exception,
                                                     HttpServletResponse response) throws Exception {
        failIfCommitted(exception, response);
        return unavailable(exception.dependency(), exception);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> failed(Exception exception, HttpServletResponse response) throws Exception {
        failIfCommitted(exception, response);
        return unexpected(exception);
    }

    /** The answer to any failure not handled above (also given for an import's row that failed so). */
    public ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        DomainException refusal = findCause(exception, DomainException.class);
        if (refusal != null) {
            return refused(refusal);
        }
        BodyTooLargeException tooLarge = findCause(exception, BodyTooLargeException.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge);
        }
        Optional<Dependency> down = Unavailability.of(exception);
        if (down.isPresent()) {
            return unavailable(down.get(), exception);
        }
        log.error("Unexpected failure (correlation id {})", MDC.get(CorrelationIdFilter.MDC_KEY), exception);
        return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "服务器内部错误，请引用关联编号联系管理员", "internal error; quote the correlation id to the administrator"));
    }

    /**
     * A failure after the answer's first bytes went out (a streamed export that fails midway) cannot become a problem
     * document any more: it is logged and rethrown, the container then cuts the connection, and the client sees its
     * download fail instead of a complete-looking answer with the rest missing.
     */
    private static void failIfCommitted(Exception exception, HttpServletResponse response) throws Exception {
        if (response.isCommitted()) {
            // The container logs the stack trace as it cuts the connection; this line ties it to the request.
            log.error("Failed after the answer began, the connection is cut (correlation id {}): {}",
                    MDC.get(CorrelationIdFilter.MDC_KEY), exception.toString());
            throw exception;
        }
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = unreadable(exception);
        log(problem);
        return new ResponseEntity<>(problem, HttpStatusCode.valueOf(problem.getStatus()));
    }

    /** Why a body could not be read, from the most telling cause. */
    private static ProblemDetail unreadable(HttpMessageNotReadableException exception) {
        BodyTooLargeException tooLarge = findCause(exception, BodyTooLargeException.class);
        if (tooLarge != null) {
            return Problems.bodyTooLarge(tooLarge.limit());
        }
        RefusedValueException refusedValue = findCause(exception, RefusedValueException.class);
        if (refusedValue != null) {
            String field = path(refusedValue);
            return Problems.field(HttpStatus.BAD_REQUEST, refusedValue.code(), field,
                    "字段 " + field + "：" + refusedValue.detail(), "field " + field + ": " + refusedValue.detailEn());
        }
        StreamConstraintsException tooComplex = findCause(exception, StreamConstraintsException.class);
        if (tooComplex != null) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "BODY_TOO_COMPLEX",
                    "请求内容嵌套过深或单个值过长", "the request body is nested too deeply or holds a value too long");
        }
        Throwable cause = exception.getCause();
        if (cause instanceof JsonParseException parse) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(parse.getOriginalMessage()));
            if (duplicate.find()) {
                String field = duplicate.group(1);
                return Problems.field(HttpStatus.BAD_REQUEST, "DUPLICATE_FIELD", field,
                        "字段 " + field + " 出现了不止一次", "field " + field + " is given more than once");
            }
            return Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                    "请求内容不是有效的 JSON", "the request body is not valid JSON");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return Problems.field(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field,
                    "字段 " + field + " 的值类型或格式不对", "field " + field + " has the wrong type or format");
        }
        if (cause instanceof StreamReadException read && read.getProcessor() != null
                && read.getProcessor().getParsingContext().getCurrentName() != null) {
            // A number too large for its field (InputCoercionException) is not given a path by Jackson.
            String field = read.getProcessor().getParsingContext().getCurrentName();
            return Problems.field(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field,
                    "字段 " + field + " 的值类型或格式不对", "field " + field + " has the wrong type or format");
        }
        if (cause instanceof JsonProcessingException) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                    "请求内容无法读取", "the request body cannot be read");
        }
        return Problems.problem(HttpStatus.BAD_REQUEST, "BODY_REQUIRED",
                "请求需要一个 JSON 内容", "the request needs a JSON body");

    }

    /** Spring MVC's own exceptions (405, 415, 404 for unknown paths …) keep their status and gain a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, @Nullable Object body,
                                                             HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", Problems.codeFor(status));
            }
            Problems.addCorrelationId(problem);
            log(problem);
        }
        return response;
    }

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** 503 with Retry-After; logged in one line (an outage fails many requests, each with the same long trace). */
    private static ResponseEntity<ProblemDetail> unavailable(Dependency dependency, Throwable failure) {
        ProblemDetail problem = unavailable(dependency);
        log.warn("Answered 503 {}: {}", dependency.code(), rootCause(failure));
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(Dependency.RETRY_AFTER_SECONDS)).body(problem);
    }

    /** The problem document of a dependency that is down (also written by {@link UnavailableDependencyFilter}). */
    public static ProblemDetail unavailable(Dependency dependency) {
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, dependency.code(),
                dependency.detail(), dependency.detailEn());
        problem.setProperty("retryAfterSeconds", Dependency.RETRY_AFTER_SECONDS);
        return problem;
    }

    static String rootCause(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 50; depth++) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure.getClass().getSimpleName() + " <- " + root;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        log(problem);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** A refusal is the client's doing: one line, no stack trace (a 5xx is logged where it is caught). */
    private static void log(ProblemDetail problem) {
        if (problem.getStatus() < 500 && log.isInfoEnabled()) {
            Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
            log.info("Refused {} {}{}: {}", problem.getStatus(), properties.get("code"),
                    properties.containsKey("field") ? " (field " + properties.get("field") + ")" : "",
                    properties.get("detailEn"));
        }
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}

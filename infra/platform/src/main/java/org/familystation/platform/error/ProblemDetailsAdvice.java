package org.familystation.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
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

import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem response with a stable {@code code}: domain refusals with their own
 * code and status, malformed input as 400 naming the field, unknown ids as 404, and anything unexpected as a 500
 * that shows the correlation id to quote, never a stack trace.
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

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException exception) {
        return respond(Problems.field(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", exception.getName(),
                "参数 " + exception.getName() + " 的值无效", "parameter " + exception.getName() + " has an invalid value"));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        DomainException refusal = findCause(exception, DomainException.class);
        if (refusal != null) {
            return refused(refusal);
        }
        log.error("Unexpected failure (correlation id {})", MDC.get(CorrelationIdFilter.MDC_KEY), exception);
        return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "服务器内部错误，请引用关联编号联系管理员", "internal error; quote the correlation id to the administrator"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = exception.getCause();
        ProblemDetail problem;
        if (cause instanceof JsonParseException) {
            problem = Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                    "请求内容不是有效的 JSON", "the request body is not valid JSON");
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            problem = Problems.field(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field,
                    "字段 " + field + " 的值类型或格式不对", "field " + field + " has the wrong type or format");
        } else if (cause instanceof JsonMappingException) {
            problem = Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                    "请求内容无法读取", "the request body cannot be read");
        } else {
            problem = Problems.problem(HttpStatus.BAD_REQUEST, "BODY_REQUIRED",
                    "请求需要一个 JSON 内容", "the request needs a JSON body");
        }
        return new ResponseEntity<>(problem, HttpStatus.BAD_REQUEST);
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
        }
        return response;
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
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

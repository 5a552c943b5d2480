package org.familystation.app.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Map;

/**
 * Describes each operation from its handler: the area (tag) from the controller's package, the summary from the
 * table, the success status the handler really answers, and the problems it may answer.
 */
final class OperationDescriptions {

    /** Handlers whose status their return type does not tell ({@code ResponseEntity<?>}, or 202). */
    private static final Map<String, Integer> SUCCESS_OVERRIDES = Map.of(
            "POST /api/session/password", 204,
            "POST /api/admin/processors/{name}/rebuild", 202,
            "POST /api/imports/{kind}", 202);

    /** Where signing in is throttled (429 with Retry-After). */
    private static final List<String> THROTTLED = List.of("POST /api/session", "POST /api/session/password");

    private static final String SIGN_IN = "POST /api/session";

    private final OperationSummaries summaries;

    OperationDescriptions(OperationSummaries summaries) {
        this.summaries = summaries;
    }

    Operation customize(Operation operation, HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        if (mapping == null || mapping.method().length != 1 || mapping.path().length != 1) {
            return operation;
        }
        String method = mapping.method()[0].name();
        String path = mapping.path()[0];
        String key = method + " " + path;
        Area.of(handler.getBeanType(), path).ifPresent(area -> operation.setTags(List.of(area.tag)));
        if (operation.getSummary() == null) {
            summaries.of(method, path).ifPresent(operation::setSummary);
        }
        if (key.equals(SIGN_IN)) {
            operation.setSecurity(List.of());
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        success(responses, SUCCESS_OVERRIDES.getOrDefault(key, successFromReturnType(handler, method)));
        problems(operation, responses, handler, method, path, key);
        return operation;
    }

    /** 204 for {@code ResponseEntity<Void>}, 201 for a POST answering the new id, else 200. */
    private static int successFromReturnType(HandlerMethod handler, String method) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
        if (!ResponseEntity.class.equals(type.resolve())) {
            return 200;
        }
        Class<?> body = type.getGeneric(0).resolve();
        if (Void.class.equals(body)) {
            return 204;
        }
        return method.equals("POST") && Map.class.equals(body) ? 201 : 200;
    }

    private static void success(ApiResponses responses, int status) {
        ApiResponse answer = responses.remove("200");
        if (answer == null) {
            answer = new ApiResponse();
        }
        switch (status) {
            case 201 -> answer.description("已创建：返回新记录的编号，Location 指向它 · Created: the new id, Location "
                            + "points at it")
                    .addHeaderObject("Location", location());
            case 202 -> answer.description("已开始：Location 指向进度 · Accepted: Location points at the progress")
                    .addHeaderObject("Location", location());
            case 204 -> answer = new ApiResponse().description("已完成，无内容 · Done, no content");
            default -> answer.description("成功 · OK");
        }
        responses.addApiResponse(String.valueOf(status), answer);
    }

    private static Header location() {
        return new Header().schema(new StringSchema().format("uri-reference"));
    }

    private static void problems(Operation operation, ApiResponses responses, HandlerMethod handler, String method,
                                 String path, String key) {
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean command = !method.equals("GET");
        boolean commandSide = handler.getBeanType().getPackageName().startsWith("org.familystation.command");
        if (hasInput) {
            problem(responses, 400, "输入无效（见 code 与 field） · Invalid input (see code and field)");
        }
        problem(responses, 401, key.equals(SIGN_IN)
                ? "用户名或密码错误 · Bad credentials"
                : "未登录或登录已失效 · Not signed in");
        if (!key.equals(SIGN_IN)) {
            problem(responses, 403, "角色不允许、无可用单位、CSRF 令牌无效或须先修改密码 · Not allowed for the role, no "
                    + "access, CSRF token invalid, or a password change is required");
        }
        if (path.contains("{")) {
            problem(responses, 404, "不存在或不在您的范围内 · Unknown, or out of your reach");
        }
        if (command && (commandSide || path.startsWith("/api/admin/")) && !key.equals(SIGN_IN)
                && !path.equals("/api/session")) {
            problem(responses, 409, "与现有状态冲突（重复、已处于该状态、同时修改） · Conflicts with what exists");
            if (commandSide) {
                problem(responses, 422, "业务规则不允许（见 code） · A business rule forbids it (see code)");
            }
        }
        if (operation.getRequestBody() != null) {
            problem(responses, 413, "请求内容过大 · The request body is too large");
        }
        if (THROTTLED.contains(key)) {
            problem(responses, 429, "尝试过于频繁，见 Retry-After · Too many attempts; see Retry-After");
        }
    }

    private static void problem(ApiResponses responses, int status, String description) {
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + OpenApiConfiguration.PROBLEM);
        responses.addApiResponse(String.valueOf(status), new ApiResponse().description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(problem))));
    }
}

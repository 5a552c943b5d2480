package org.familystation.app.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.List;

/**
 * The OpenAPI document at {@code /v3/api-docs} (and Swagger UI): what the API is, how to sign in, and, for every
 * operation, its area, summary, real success status and problem answers. Controllers carry no documentation
 * annotations: areas follow from their packages, summaries from one table, statuses from their return types.
 */
@Configuration
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    static final String BASIC = "basic";
    static final String SESSION = "session";
    static final String XSRF = "xsrf";

    private static final String DESCRIPTION = """
            家庭驿站（妇联家庭服务网络）的命令与查询接口。命令（POST/DELETE）被接受时已写入事件存储：创建返回 201 和 \
            Location，其他命令返回 204；查询的读模型可能比刚接受的命令稍晚一点。拒绝一律是 RFC 9457 问题详情 \
            （application/problem+json），带稳定的 `code`、中文 `detail`、英文 `detailEn`，涉及某个字段时带 `field`，\
            以及可报给管理员的 `correlationId`。

            The command and query API of Family Station, a network of family service stations. A command (POST/DELETE) \
            that is accepted is already stored as events: creates answer 201 with a Location, other commands 204; the \
            read side may lag an accepted command by a moment. Every refusal is an RFC 9457 problem \
            (application/problem+json) with a stable `code`, a Chinese `detail`, an English `detailEn`, the `field` it \
            is about if any, and the `correlationId` to quote. Money is in integer fen, times are UTC instants \
            (periods and dates are Asia/Shanghai). Sign in either with HTTP Basic (scripts) or with the session of \
            `POST /api/session` (the workbench); with the session cookie, every unsafe request echoes the \
            `XSRF-TOKEN` cookie in the `X-XSRF-TOKEN` header. What a user may see and do depends on their roles and \
            their unit (their reach): out of reach answers 404, like an unknown id.""";

    @Bean
    OpenAPI familyStationApi() {
        return new OpenAPI()
                .info(new Info().title("家庭驿站 Family Station API").version("1").description(DESCRIPTION))
                .tags(Arrays.stream(Area.values()).map(Area::toTag).toList())
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("用户名与密码（脚本与测试） · username and password (scripts and tests)"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("POST /api/session 开始的会话（工作台），空闲 30 分钟过期 · the session "
                                        + "started by POST /api/session (the workbench); expires after 30 idle "
                                        + "minutes"))
                        .addSecuritySchemes(XSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-XSRF-TOKEN")
                                .description("会话请求中的非安全方法须回传 XSRF-TOKEN Cookie 的值 · with the session, "
                                        + "unsafe methods echo the XSRF-TOKEN cookie"))
                        .addSchemas(PROBLEM, problemSchema()))
                .security(List.of(new SecurityRequirement().addList(BASIC),
                        new SecurityRequirement().addList(SESSION).addList(XSRF)));
    }

    @Bean
    OperationCustomizer familyStationOperations() {
        return new OperationDescriptions(OperationSummaries.load())::customize;
    }

    @Bean
    OpenApiCustomizer familyStationRequestBodies() {
        return RequestBodies::describe;
    }

    @Bean
    OpenApiCustomizer familyStationReadYourWrites() {
        return ReadYourWritesParameters::describe;
    }

    /** RFC 9457 problem details as ProblemDetailsAdvice and Problems write them. */
    private static ObjectSchema problemSchema() {
        ObjectSchema schema = new ObjectSchema();
        schema.description("拒绝的原因（RFC 9457） · why a request was refused (RFC 9457)");
        schema.addProperty("type", new StringSchema().format("uri")
                .example("https://family-station.example/problems/station-not-open"));
        schema.addProperty("title", new StringSchema().example("Unprocessable Entity"));
        schema.addProperty("status", new IntegerSchema().example(422));
        schema.addProperty("detail", new StringSchema().description("给用户看的原因（中文） · for users (Chinese)")
                .example("服务记录需要一个开放中的家庭驿站"));
        schema.addProperty("instance", new StringSchema().format("uri-reference")
                .example("/api/stations/…/service-records"));
        schema.addProperty("code", new StringSchema().description("稳定的代码，供程序判断 · stable, for programs")
                .example("STATION_NOT_OPEN"));
        schema.addProperty("detailEn", new StringSchema().description("the same in English")
                .example("a service can only be recorded at an open station"));
        schema.addProperty("field", new StringSchema()
                .description("出错的字段，按客户端发送的名字 · the field refused, as the client named it")
                .example("stationId"));
        schema.addProperty("correlationId", new StringSchema()
                .description("报告问题时引用 · quote it when reporting a problem"));
        schema.required(List.of("type", "title", "status", "detail", "code", "detailEn"));
        return schema;
    }
}

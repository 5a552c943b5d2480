package org.familystation.app.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.familystation.platform.web.ReadYourWrites;

import java.math.BigDecimal;

/**
 * Every query ({@code GET /api/…}) accepts the position a command answered (X-Event-Position) and waits for the read
 * side to reach it ({@code ReadModelWait}). Added here once, as the wait applies to every query, not per controller.
 */
final class ReadYourWritesParameters {

    private static final String WAIT = "只在读模型处理到该事件位置（命令应答头 X-Event-Position）后才回答，最多等待数秒"
            + " · answer once the read side has handled every event up to this position (a command's"
            + " X-Event-Position), waiting a few seconds at most";

    private ReadYourWritesParameters() {
    }

    static void describe(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/") && item.getGet() != null) {
                item.getGet().addParametersItem(new Parameter().in("query").name(ReadYourWrites.MIN_POSITION)
                        .required(false).description(WAIT).schema(new IntegerSchema().format("int64")
                                .minimum(BigDecimal.ZERO)));
                item.getGet().addParametersItem(new Parameter().in("header").name(ReadYourWrites.MIN_EVENT_POSITION)
                        .required(false).description(WAIT).schema(new IntegerSchema().format("int64")));
                if (item.getGet().getResponses() != null && item.getGet().getResponses().get("200") != null) {
                    item.getGet().getResponses().get("200").addHeaderObject(ReadYourWrites.STALE, new Header()
                            .description("true：等待超时，回答可能尚未包含该位置之前的写入 · true: the wait ran out and"
                                    + " the answer may not show writes up to that position yet")
                            .schema(new StringSchema()));
                }
            }
        });
    }
}

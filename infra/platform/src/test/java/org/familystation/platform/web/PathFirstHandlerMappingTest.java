package org.familystation.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The handler lookup that asks the path first answers as Spring's own: the same handlers, the same refusals. */
class PathFirstHandlerMappingTest {

    @RestController
    static class Stations {

        @GetMapping("/stations/{id}")
        String station() {
            return "station";
        }

        @GetMapping("/stations/map")
        String map() {
            return "map";
        }

        @PostMapping(path = "/stations/{id}/records", consumes = "application/json")
        String record() {
            return "record";
        }

        @GetMapping("/stations/{id}/records")
        String records() {
            return "records";
        }
    }

    private final PathFirstHandlerMapping mapping = mapping();

    @Test
    void theHandlerIsTheOneWhosePathAndMethodMatchTheLiteralPathBeforeAVariable() throws Exception {
        assertThat(handler("GET", "/stations/s-1")).isEqualTo("station");
        assertThat(handler("GET", "/stations/map")).isEqualTo("map");
        assertThat(handler("GET", "/stations/s-1/records")).isEqualTo("records");
        MockHttpServletRequest post = request("POST", "/stations/s-1/records");
        post.setContentType("application/json");
        assertThat(name(mapping.getHandler(post))).isEqualTo("record");
    }

    @Test
    void aPathWithoutItsMethodOrMediaTypeIsRefusedAsSpringRefusesItAndAnUnknownPathHasNoHandler() throws Exception {
        assertThatThrownBy(() -> mapping.getHandler(request("DELETE", "/stations/s-1/records")))
                .isInstanceOf(HttpRequestMethodNotSupportedException.class);
        MockHttpServletRequest text = request("POST", "/stations/s-1/records");
        text.setContentType("text/plain");
        assertThatThrownBy(() -> mapping.getHandler(text)).isInstanceOf(HttpMediaTypeNotSupportedException.class);
        assertThat(mapping.getHandler(request("GET", "/units/u-1"))).isNull();
    }

    private String handler(String method, String path) throws Exception {
        return name(mapping.getHandler(request(method, path)));
    }

    private static String name(HandlerExecutionChain chain) {
        return ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private static PathFirstHandlerMapping mapping() {
        StaticApplicationContext context = new StaticApplicationContext();
        context.registerSingleton("stations", Stations.class);
        context.refresh();
        PathFirstHandlerMapping mapping = new PathFirstHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }
}

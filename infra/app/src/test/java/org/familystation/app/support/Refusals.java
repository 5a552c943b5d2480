package org.familystation.app.support;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a refused request: its status and code, a problem document, and that the event store did not grow. */
public final class Refusals {

    private final JdbcTemplate jdbc;

    public Refusals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sends the request, checks status and code, and that no event was written. */
    public Api.Response refused(int status, String code, Supplier<Api.Response> request) {
        long eventsBefore = events();
        Api.Response response = request.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
        assertThat(response.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(response.headers().getContentType().toString()).isTrue();
        assertThat(response.body().path("detail").asText()).isNotBlank();
        assertThat(response.body().path("correlationId").asText()).isNotBlank();
        assertThat(events()).as("events written by a refused request").isEqualTo(eventsBefore);
        return response;
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}

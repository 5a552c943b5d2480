package org.familystation.app.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of every test of the shared application ({@link IntegrationTest}): the API client, the scenario builders,
 * the read store and the refusal assertions. They are set when the test's instance is made, so a per-class
 * {@code @BeforeAll} may use them as a test does; by then the network the demo accounts stand at is established and
 * read ({@link TestAccounts#awaitNetwork}).
 */
@IntegrationTest
public abstract class ApplicationTest {

    /** Where the application listens, for tests that speak raw HTTP. */
    protected int port;
    protected Api api;
    protected Scenario scenario;
    protected JdbcTemplate jdbc;
    private Refusals refusals;

    @Autowired
    private void connect(@LocalServerPort int port, JdbcTemplate jdbc) {
        this.port = port;
        this.api = new Api(port);
        this.scenario = new Scenario(api);
        this.jdbc = jdbc;
        this.refusals = new Refusals(jdbc);
        TestAccounts.awaitNetwork(api, scenario);
    }

    /** Sends the request and checks that it was refused as a problem with this status and code, writing nothing. */
    protected Api.Response refused(int status, String code, Supplier<Api.Response> request) {
        return refusals.refused(status, code, request);
    }

    /** The id of what the request created (201). */
    protected static String created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    /** Checks that the request succeeded with nothing to answer (204). */
    protected static void noContent(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(204);
    }
}

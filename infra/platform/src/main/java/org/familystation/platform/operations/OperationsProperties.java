package org.familystation.platform.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** How long an API request may wait on PostgreSQL ({@code familystation.operations.*}). */
@ConfigurationProperties("familystation.operations")
public class OperationsProperties {

    /**
     * Statement timeout of SQL run for an HTTP request (queries, and the command handlers' own reads): past it
     * PostgreSQL cancels the statement and the request answers 503 {@code DATABASE_UNAVAILABLE}. Event processors,
     * rebuilds and migrations are not bound by it.
     */
    private Duration requestQueryTimeout = Duration.ofSeconds(10);

    /** How long a health probe waits for PostgreSQL (the event store, the read store). */
    private Duration healthTimeout = Duration.ofSeconds(2);

    public Duration getRequestQueryTimeout() {
        return requestQueryTimeout;
    }

    public void setRequestQueryTimeout(Duration requestQueryTimeout) {
        this.requestQueryTimeout = requestQueryTimeout;
    }

    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    public void setHealthTimeout(Duration healthTimeout) {
        this.healthTimeout = healthTimeout;
    }
}

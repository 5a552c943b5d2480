package org.familystation.platform.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long an API request may wait on PostgreSQL, and how many changes run at once
 * ({@code familystation.operations.*}).
 */
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

    /**
     * Requests that change something run at most this many at once on a node; the others wait their turn
     * ({@link ChangeAdmission}). Four per core by default (8 on two cores: BENCHMARKS.md, "Changes admitted a few at
     * a time"); zero or less: no limit.
     */
    private int concurrentChanges = 4 * Runtime.getRuntime().availableProcessors();

    /** How long a change waits for its turn before it is answered 503 {@code SERVER_BUSY}. */
    private Duration changeWait = Duration.ofSeconds(10);

    public Duration getRequestQueryTimeout() {
        return requestQueryTimeout;
    }

    public void setRequestQueryTimeout(Duration requestQueryTimeout) {
        this.requestQueryTimeout = requestQueryTimeout;
    }

    public int getConcurrentChanges() {
        return concurrentChanges;
    }

    public void setConcurrentChanges(int concurrentChanges) {
        this.concurrentChanges = concurrentChanges;
    }

    public Duration getChangeWait() {
        return changeWait;
    }

    public void setChangeWait(Duration changeWait) {
        this.changeWait = changeWait;
    }

    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    public void setHealthTimeout(Duration healthTimeout) {
        this.healthTimeout = healthTimeout;
    }
}

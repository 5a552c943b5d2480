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

    /**
     * How far behind the event store the read side may fall, in time, before changes are let in fewer at a time
     * ({@link FlowControl}). Half the read side's own target (a change in the lists within a second at p95, in search
     * within two): the processors' lag hovers between half this and this, and a change shows a batch and a look
     * later (BENCHMARKS.md, "Flow control, 1M"). Zero: changes run {@code concurrent-changes} at a time however far
     * behind.
     */
    private Duration readSideLagTarget = Duration.ofMillis(500);

    /**
     * However far behind the read side is, this many changes still run at once ({@link FlowControl}); zero or less:
     * a quarter of {@code concurrent-changes}, at least one.
     */
    private int fewestConcurrentChanges = 0;

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

    public Duration getReadSideLagTarget() {
        return readSideLagTarget;
    }

    public void setReadSideLagTarget(Duration readSideLagTarget) {
        this.readSideLagTarget = readSideLagTarget;
    }

    public int getFewestConcurrentChanges() {
        return fewestConcurrentChanges;
    }

    public void setFewestConcurrentChanges(int fewestConcurrentChanges) {
        this.fewestConcurrentChanges = fewestConcurrentChanges;
    }

    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    public void setHealthTimeout(Duration healthTimeout) {
        this.healthTimeout = healthTimeout;
    }
}

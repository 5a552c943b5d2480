package org.familystation.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How every projection's pooled streaming processor runs ({@code familystation.processors.*}). One processor
 * can still be tuned on its own with Axon's {@code axon.eventhandling.processors.<processor>.*} properties (a family
 * of projections on the query side: read-models, search, audit-trail).
 */
@ConfigurationProperties("familystation.processors")
public class ProcessorProperties {

    /**
     * Segments a processor's work is split into; fixed at a processor's first start (its tokens are created). Up to
     * 64 apply their batches side by side, counters included (kept in parts, CounterParts, query side; only the
     * people projections, @OneBatchAtATime, apply theirs one at a time). One by default: every segment costs its
     * processor a check of every event, and on two cores more segments add no throughput (BENCHMARKS.md). A
     * processor's one segment is claimed by one node and taken over by another when it stops.
     */
    private int segments = 1;

    /**
     * Segments one node claims at most: all by default (also those of tokens created with more segments). With N
     * query nodes and processors of several segments, set it to segments / N so that the first node to start does
     * not take every segment.
     */
    private int maxClaimedSegments = Short.MAX_VALUE;

    /**
     * Events handled in one transaction at most: one token update and one bulk write per batch instead of per event.
     * Live, a batch is what has arrived since the last one, a few events; in a replay it is full. 1,024, the buffer
     * of Axon's work package: each batch then empties the buffer, whose size Axon's coordinator counts by walking
     * it before each event it hands on (with 200, the buffer stayed nearly full and every walk was long). A 1M
     * replay: 6,109 instead of 5,706 events/s into PostgreSQL, CPU 0.307 instead of 0.334 ms per event
     * (BENCHMARKS.md, 2026-12-05).
     */
    private int batchSize = 1024;

    /**
     * How long new events gather before the processors are told of them ({@link NotifyingEventStore}): a processor
     * then takes in one batch, one transaction, what arrived meanwhile. Zero tells them of every read at once, which
     * costs a transaction per event or two when commands come one at a time.
     */
    private Duration linger = Duration.ofMillis(100);

    /**
     * Runs every projection with Axon's out-of-the-box settings instead (tracking processors, one segment, batch
     * size 1): the baseline the benchmark harness (infra/benchmark) compares this project's tuning with. Never for
     * production. Takes effect for a processor without tokens; with tokens of more segments it claims only one.
     */
    private boolean axonDefaults;

    public Duration getLinger() {
        return linger;
    }

    public void setLinger(Duration linger) {
        this.linger = linger;
    }

    public boolean isAxonDefaults() {
        return axonDefaults;
    }

    public void setAxonDefaults(boolean axonDefaults) {
        this.axonDefaults = axonDefaults;
    }

    public int getSegments() {
        return segments;
    }

    public void setSegments(int segments) {
        this.segments = segments;
    }

    public int getMaxClaimedSegments() {
        return maxClaimedSegments;
    }

    public void setMaxClaimedSegments(int maxClaimedSegments) {
        this.maxClaimedSegments = maxClaimedSegments;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}

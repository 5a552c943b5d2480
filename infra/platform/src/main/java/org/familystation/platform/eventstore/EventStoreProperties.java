package org.familystation.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Tuning of the event store ({@code familystation.event-store.*}). */
@ConfigurationProperties("familystation.event-store")
public class EventStoreProperties {

    /**
     * How long a gap in the global sequence is waited for before tracking processors skip it. A gap is a
     * transaction that took a sequence number but has not committed yet; ours commit in milliseconds, so a minute
     * only ever skips a transaction that really was rolled back.
     */
    private Duration gapTimeout = Duration.ofMinutes(1);

    /** How far behind the newest event a gap is still tracked. */
    private int maxGapOffset = 10_000;

    /** Events read per query when streaming to processors; large enough that replays are not query-bound. */
    private int fetchBatchSize = 1_000;

    public Duration getGapTimeout() {
        return gapTimeout;
    }

    public void setGapTimeout(Duration gapTimeout) {
        this.gapTimeout = gapTimeout;
    }

    public int getMaxGapOffset() {
        return maxGapOffset;
    }

    public void setMaxGapOffset(int maxGapOffset) {
        this.maxGapOffset = maxGapOffset;
    }

    public int getFetchBatchSize() {
        return fetchBatchSize;
    }

    public void setFetchBatchSize(int fetchBatchSize) {
        this.fetchBatchSize = fetchBatchSize;
    }
}

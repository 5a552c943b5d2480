package org.familystation.query.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** When the event processors make this node not ready ({@code familystation.health.processors.*}). */
@ConfigurationProperties("familystation.health.processors")
public class ProcessorHealthProperties {

    /**
     * Events a processor may be behind the head of the event store before readiness reports it DOWN (a processor
     * being rebuilt is exempt: its replay is expected to be far behind).
     */
    private long lagLimit = 10_000;

    /** How long one reading of every processor's state serves the health probes and the metrics. */
    private Duration cacheFor = Duration.ofSeconds(2);

    public long getLagLimit() {
        return lagLimit;
    }

    public void setLagLimit(long lagLimit) {
        this.lagLimit = lagLimit;
    }

    public Duration getCacheFor() {
        return cacheFor;
    }

    public void setCacheFor(Duration cacheFor) {
        this.cacheFor = cacheFor;
    }
}

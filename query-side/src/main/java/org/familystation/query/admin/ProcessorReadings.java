package org.familystation.query.admin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The processors' state as the admin API reports it ({@link Processors#all()}), read at most once per
 * {@code familystation.health.processors.cache-for}: the health probes (every few seconds, from every load balancer)
 * and the metrics scrapes would otherwise each cost the token store and dead-letter queries.
 */
@Component
@EnableConfigurationProperties(ProcessorHealthProperties.class)
public class ProcessorReadings {

    private final Processors processors;
    private final long cacheNanos;
    private List<ProcessorStatus> last;
    private long readAt;

    public ProcessorReadings(Processors processors, ProcessorHealthProperties properties) {
        this.processors = processors;
        this.cacheNanos = properties.getCacheFor().toNanos();
    }

    /** Every processor's state; throws when the database does not answer. */
    public synchronized List<ProcessorStatus> current() {
        if (last == null || System.nanoTime() - readAt > cacheNanos) {
            last = processors.all();
            readAt = System.nanoTime();
        }
        return last;
    }
}

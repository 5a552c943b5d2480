package org.familystation.query.common;

import org.axonframework.config.ConfigurerModule;
import org.familystation.platform.eventstore.ProcessingConfiguration;
import org.familystation.platform.eventstore.ProcessorProperties;
import org.familystation.query.admin.ProcessorFaults;
import org.familystation.query.needs.NeedsProperties;
import org.familystation.query.common.search.SearchProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/** The query side: projections, read models, search and the query API, as one auto-configured unit. */
@AutoConfiguration
@ComponentScan(basePackages = "org.familystation.query")
@EnableConfigurationProperties({QueryProperties.class, SearchProperties.class, NeedsProperties.class})
public class QuerySideConfiguration {

    /** Every processor's failed batches are seen, so the admin API can say which is in error, since when. */
    @Bean
    public ConfigurerModule processorFaultWatch(ProcessorFaults faults) {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultHandlerInterceptor((config, processor) -> faults.interceptor(processor)));
    }

    /** Counters in as many parts as the segments processors are created with ({@link CounterParts}). */
    @Bean
    public CounterParts counterParts(ProcessorProperties processors) {
        return new CounterParts(processors.getSegments());
    }

    /**
     * Every projection parks an event it cannot handle in a dead-letter queue instead of stopping its segment; so
     * that one failing statement does not abort the batch's transaction, {@link ProjectionBatches} runs its handlers
     * in savepoints (or optimistically, if it is a {@link BatchedProjection}).
     */
    @Bean
    public ConfigurerModule projectionDeadLetterQueues() {
        return configurer -> configurer.eventProcessing(processing ->
                ProcessingGroups.ALL.forEach(group -> ProcessingConfiguration.deadLetterQueue(processing, group)));
    }

    /**
     * The processing groups read by one processor per family ({@link ProcessingGroups#FAMILIES}): each event is read
     * and deserialized once per family instead of once per projection. Each group keeps its own invoker in the
     * processor, with its dead-letter queue and sequencing policy.
     */
    @Bean
    public ConfigurerModule processorFamilies() {
        return configurer -> configurer.eventProcessing(processing -> ProcessingGroups.FAMILIES.forEach(
                (family, groups) -> groups.forEach(group -> processing.assignProcessingGroup(group, family))));
    }
}

package org.familystation.platform.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;


/**
 * Every event processor is a pooled streaming processor (Axon's Boot default is a tracking processor with batch
 * size 1, which keeps projections far behind under load); a projection registers its dead-letter queue through
 * {@link #deadLetterQueue}.
 */
@AutoConfiguration(after = EventStoreConfiguration.class)
@EnableConfigurationProperties(ProcessorProperties.class)
public class ProcessingConfiguration {

    @Bean
    public ConfigurerModule pooledStreamingProcessorsByDefault(ProcessorProperties properties) {
        if (properties.isAxonDefaults()) {
            // Only for the benchmark's side-by-side baseline: what Axon does out of the box.
            return configurer -> configurer.eventProcessing().usingTrackingEventProcessors()
                    .registerTrackingEventProcessorConfiguration(
                            config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing());
        }
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors(
                (config, builder) -> builder
                        .initialSegmentCount(properties.getSegments())
                        .maxClaimedSegments(properties.getMaxClaimedSegments())
                        .batchSize(properties.getBatchSize()));
    }

    /**
     * Gives a processing group a dead-letter queue in PostgreSQL: an event its handlers fail on is parked there
     * (with every later event of the same aggregate) instead of blocking the whole segment.
     * <p>
     * Every event must go to the queue if its aggregate already has a parked event, which without a cache is one
     * query per event and processor (the round trip that bounded the search index's rebuild); with Axon's sequence
     * identifier cache a segment that started with an empty queue asks only about aggregates it parked itself.
     */
    public static void deadLetterQueue(EventProcessingConfigurer processing, String processingGroup) {
        processing.registerDeadLetteringEventHandlerInvokerConfiguration(processingGroup,
                (config, invoker) -> invoker.enableSequenceIdentifierCache());
        processing.registerDeadLetterQueue(processingGroup, config -> JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(processingGroup)
                .connectionProvider(config.getComponent(ConnectionProvider.class))
                .transactionManager(config.getComponent(TransactionManager.class))
                .schema(config.getComponent(DeadLetterSchema.class))
                .genericSerializer(config.serializer())
                .eventSerializer(config.eventSerializer())
                .build());
    }
}

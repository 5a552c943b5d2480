package org.familystation.platform.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.familystation.platform.evolution.EventUpcasters;
import org.familystation.platform.personaldata.PersonalDataModule;
import org.familystation.platform.personaldata.PersonalDataProtection;
import org.familystation.platform.serialization.StoredInstants;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Axon on PostgreSQL through JDBC, without Axon Server: event store, token store, saga store and dead-letter queue,
 * all with the snake_case tables created by Flyway ({@code db/migration}). Declared explicitly because Axon's
 * defaults use camelCase names, create no tables and do not recognise PostgreSQL's duplicate-key error.
 */
@AutoConfiguration(
        after = JacksonAutoConfiguration.class,
        before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class, ObjectMapperAutoConfiguration.class})
@EnableConfigurationProperties({EventStoreProperties.class, ProcessorProperties.class})
public class EventStoreConfiguration {

    /** PostgreSQL's unique_violation: a second append at the same aggregate sequence number is a conflict. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * The mapper for events, messages and snapshots, kept apart from the web's so that HTTP settings never change
     * the stored format. Unknown properties are ignored so that an older node can read a newer event. Instants are
     * read by {@link StoredInstants} (a fifth of a projection's CPU was Jackson's instant parsing). Personal values
     * are encrypted with their subject's key ({@link PersonalDataModule}).
     */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper eventObjectMapper(ObjectProvider<PersonalDataProtection> protection) {
        return defaultAxonObjectMapper().registerModule(new PersonalDataModule(protection::getObject));
    }

    /**
     * The stored format without the encryption of personal values ({@link PersonalDataModule}): what golden files
     * and tests that read stored JSON compare with.
     */
    public ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .findAndRegisterModules()
                .registerModule(StoredInstants.module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /**
     * The upcasters of events stored in an older shape, as one chain in their order ({@link EventUpcasters}); Axon
     * registers every {@code EventUpcaster} bean into {@code configuration.upcasterChain()}.
     */
    @Bean
    public EventUpcaster familyStationUpcasters() {
        return EventUpcasters.chain();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .build());
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_identifier")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /**
     * Axon's embedded event store, which tells the processors of new events instead of letting them look twice a
     * second ({@link NotifyingEventStore}); otherwise as Axon's Boot configuration would build it.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, ProcessorProperties processors,
                                         org.axonframework.config.Configuration configuration) {
        return NotifyingEventStore.create(storageEngine, processors.getLinger(), builder -> builder
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    /** Axon's JDBC engine, which also notes where it appended each event ({@link PositionReturningStorageEngine}). */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 EventStoreProperties properties) {
        return new PositionReturningStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .schema(eventSchema)
                .dataType(byte[].class)
                .batchSize(properties.getFetchBatchSize())
                .gapTimeout((int) properties.getGapTimeout().toMillis())
                .maxGapOffset(properties.getMaxGapOffset()), transactionManager);
    }
}

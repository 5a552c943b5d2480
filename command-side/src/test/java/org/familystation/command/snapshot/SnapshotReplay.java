package org.familystation.command.snapshot;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.familystation.platform.eventstore.EventStoreConfiguration;

import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate sourced the two ways the event store may give it: from its whole stream, or from a snapshot taken
 * after the first events (stored and read back through the serializer snapshots are stored with here) plus the
 * events after it. Both go through Axon's own sourcing ({@link EventSourcedAggregate}) and aggregate factory, which
 * takes a snapshot's payload as the aggregate, as the repository does.
 */
public final class SnapshotReplay {

    /** The general serializer Axon stores snapshots with ({@code axon.serializer.general: jackson}). */
    public static final Serializer SNAPSHOT_SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new EventStoreConfiguration().defaultAxonObjectMapper()).build();

    private static final String AGGREGATE_ID = "snapshot-replay";

    private SnapshotReplay() {
    }

    /** The aggregate sourced from all the events. */
    public static <A> A fromEvents(Class<A> type, List<?> events) {
        return source(type, messages(type, events, 0));
    }

    /** The aggregate from a snapshot taken after the first {@code eventsBefore} events, plus the rest. */
    public static <A> A fromSnapshot(Class<A> type, List<?> events, int eventsBefore) {
        SerializedObject<byte[]> stored = snapshot(fromEvents(type, events.subList(0, eventsBefore)));
        A restored = SNAPSHOT_SERIALIZER.deserialize(stored);
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        stream.add(new GenericDomainEventMessage<>(type.getSimpleName(), AGGREGATE_ID, eventsBefore - 1, restored));
        stream.addAll(messages(type, events.subList(eventsBefore, events.size()), eventsBefore));
        return source(type, stream);
    }

    /** The aggregate as stored in {@code snapshot_event_entry}: its type, revision and JSON. */
    public static SerializedObject<byte[]> snapshot(Object aggregate) {
        return SNAPSHOT_SERIALIZER.serialize(aggregate, byte[].class);
    }

    private static <A> A source(Class<A> type, List<DomainEventMessage<?>> stream) {
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type);
        A root = new GenericAggregateFactory<>(model).createAggregateRoot(AGGREGATE_ID, stream.get(0));
        EventSourcedAggregate<A> aggregate =
                EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(stream));
        return aggregate.getAggregateRoot();
    }

    private static List<DomainEventMessage<?>> messages(Class<?> type, List<?> events, long firstSequence) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(new GenericDomainEventMessage<>(type.getSimpleName(), AGGREGATE_ID,
                    firstSequence + messages.size(), event));
        }
        return messages;
    }
}

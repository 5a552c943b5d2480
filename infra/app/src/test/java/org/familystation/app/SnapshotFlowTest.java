package org.familystation.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Revision;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.familystation.app.support.ApplicationTest;
import org.familystation.command.snapshot.SnapshotProperties;
import org.familystation.command.station.Station;
import org.familystation.events.station.StationOpened;
import org.familystation.platform.eventstore.EventStoreConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy station on the real PostgreSQL: after {@code familystation.snapshots.threshold} events it has a snapshot in
 * {@code snapshot_event_entry}, commands keep being decided on its whole history (state from before the snapshot
 * and after it), and the station read through the snapshot is the station read from all its events. There is no
 * aggregate cache, so every command after the snapshot already reads it back from the database, as after a
 * restart. Also checks that events are stored exactly as the golden-file test serializes them.
 */
class SnapshotFlowTest extends ApplicationTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    SnapshotProperties snapshots;

    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void aBusyStationGetsASnapshotAndKeepsDecidingOnItsWholeHistory() {
        String station = scenario.openStation("快照测试家庭驿站", "栖霞区");
        String path = "/api/stations/" + station;
        String specialty = "SNAPSHOT_" + station.substring(0, 8).toUpperCase();
        assertThat(api.post("hq", "/api/catalogues/SPECIALTY_SERVICE",
                "{\"code\": \"" + specialty + "\", \"name\": \"快照前的特色服务\"}").status()).isEqualTo(201);
        noContent(api.post("hq", path + "/specialties", "{\"specialtyCode\": \"" + specialty + "\"}"));
        noContent(api.post("hq", path + "/points/CULTURE/deactivation", "{\"reason\": \"活动室装修\"}"));

        int threshold = snapshots.getThreshold();
        long started = System.nanoTime();
        int commands = 0;
        while (events(station) < threshold + 20) {
            noContent(api.post("hq", path + "/points/HAPPINESS/deactivation", "{\"reason\": \"场地维修\"}"));
            noContent(api.post("hq", path + "/points/HAPPINESS/activation", "{\"reason\": \"维修完成\"}"));
            commands += 2;
        }
        System.out.printf("snapshots: %d commands on one station in %d ms; %d events%n", commands,
                (System.nanoTime() - started) / 1_000_000, events(station));

        Map<String, Object> snapshot = jdbc.queryForMap("""
                SELECT type, sequence_number, payload_type, payload_revision FROM snapshot_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""", station);
        assertThat(snapshot).containsEntry("payload_type", Station.class.getName())
                .containsEntry("payload_revision", Station.class.getAnnotation(Revision.class).value())
                .containsEntry("type", "Station");
        assertThat((Long) snapshot.get("sequence_number")).isBetween(threshold - 2L, threshold + 1L);

        // Decided on state from before the snapshot (the specialty, CULTURE off) and after it (HAPPINESS on).
        refused(409, "STATION_POINT_ALREADY_INACTIVE",
                () -> api.post("hq", path + "/points/CULTURE/deactivation", "{\"reason\": \"重复\"}"));
        refused(409, "STATION_POINT_ALREADY_ACTIVE",
                () -> api.post("hq", path + "/points/HAPPINESS/activation", "{\"reason\": \"重复\"}"));
        noContent(api.post("hq", path + "/specialties/" + specialty + "/retirement", "{\"reason\": \"停办\"}"));
        refused(422, "SPECIALTY_NOT_OFFERED",
                () -> api.post("hq", path + "/specialties/" + specialty + "/retirement", "{\"reason\": \"重复\"}"));
        noContent(api.post("hq", path + "/suspension", "{\"reason\": \"整改\"}"));
        refused(409, "STATION_NOT_OPEN",
                () -> api.post("hq", path + "/suspension", "{\"reason\": \"重复\"}"));
        noContent(api.post("hq", path + "/reopening", "{\"reason\": \"整改完成\"}"));

        Station whole = source(() -> storageEngine.readEvents(station, 0));
        Station throughSnapshot = DefaultUnitOfWork.startAndGet(null).executeWithResult(() ->
                axon.repository(Station.class).load(station).invoke(loaded -> loaded)).getPayload();
        assertThat(eventStore.readEvents(station).peek().getPayloadType()).as("the store reads the snapshot first")
                .isEqualTo(Station.class);
        assertThat(throughSnapshot).as("the station as the repository loads it, through the snapshot")
                .usingRecursiveComparison().isEqualTo(whole);
        assertThat(whole).extracting("activePoints").asString().doesNotContain("CULTURE").contains("HAPPINESS");

        System.out.printf("snapshots: reading the station of %d events takes %.2f ms in full, %.2f ms through its "
                        + "snapshot (mean of 20)%n", events(station),
                millis(() -> source(() -> storageEngine.readEvents(station, 0))),
                millis(() -> source(() -> eventStore.readEvents(station))));
    }

    @Test
    void eventsAreStoredExactlyAsTheGoldenFilesSerializeThem() {
        String station = scenario.openStation("存储格式家庭驿站", "栖霞区");
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT payload_type, payload_revision, payload FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 0""", station);
        assertThat(row).containsEntry("payload_type", StationOpened.class.getName())
                .containsEntry("payload_revision", "1");
        byte[] stored = (byte[]) row.get("payload");

        StationOpened opened = eventSerializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                StationOpened.class.getName(), "1"));
        ObjectMapper goldenMapper = new EventStoreConfiguration().defaultAxonObjectMapper();
        Serializer golden = JacksonSerializer.builder().objectMapper(goldenMapper).build();
        assertThat(new String(golden.serialize(opened, byte[].class).getData(), StandardCharsets.UTF_8))
                .isEqualTo(new String(stored, StandardCharsets.UTF_8));
    }

    private long events(String aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregate);
    }

    /** The station sourced from a stream as the repository does (a snapshot's payload is the station). */
    private Station source(Supplier<DomainEventStream> events) {
        List<? extends DomainEventMessage<?>> stream = events.get().asStream().toList();
        AggregateModel<Station> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Station.class,
                axon.parameterResolverFactory(), axon.handlerDefinition(Station.class));
        Station root = new GenericAggregateFactory<>(model).createAggregateRoot(
                stream.get(0).getAggregateIdentifier(), stream.get(0));
        EventSourcedAggregate<Station> aggregate =
                EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(stream.stream()));
        return aggregate.getAggregateRoot();
    }

    private static double millis(Runnable read) {
        read.run();
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            read.run();
        }
        return (System.nanoTime() - started) / 20 / 1e6;
    }

}

package org.familystation.platform.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.familystation.platform.eventstore.EventStoreConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Golden files of events: one stored example of each revision of each event, in
 * {@code <root>/<EventSimpleName>/<revision>.json} ({@code payloadType}, {@code revision} and the {@code payload}
 * as the event store keeps it). Reading one goes the way the event store reads a row: through the upcaster chain,
 * then the event serializer. With {@code -Dgolden.write=true} a missing file is written (never an existing one).
 */
final class GoldenEvents {

    /** The mapper and the serializer Axon stores events with here ({@code axon.serializer.events: jackson}). */
    static final ObjectMapper MAPPER = new EventStoreConfiguration().defaultAxonObjectMapper();
    static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(MAPPER).build();

    static final boolean WRITE = Boolean.getBoolean("golden.write");

    private static final Pattern REVISION_FILE = Pattern.compile("(.+)\\.json");
    private static final String UPCAST_SUFFIX = ".upcast";

    private GoldenEvents() {
    }

    /** One stored event: its type and revision as in the event store's columns, and its payload. */
    record Golden(String payloadType, String revision, JsonNode payload) {
    }

    /**
     * Checks every golden file of the event type: the current revision's file exists (or is written), reads back
     * as the example, and serializes to exactly what it holds; each older revision's file is upcast to the current
     * revision and type, and reads as its {@code <revision>.upcast.json} says.
     */
    static void check(Class<?> eventType, Path root, EventUpcaster upcasters) {
        Revision annotation = eventType.getAnnotation(Revision.class);
        assertThat(annotation).as("%s has no @Revision", eventType.getName()).isNotNull();
        String current = annotation.value();
        Path folder = root.resolve(eventType.getSimpleName());
        Path currentFile = folder.resolve(current + ".json");
        if (!Files.exists(currentFile)) {
            if (!WRITE) {
                fail("no golden file %s for %s revision %s: write it with -Dgolden.write=true (see README, "
                        + "Evolving events) and commit it", currentFile, eventType.getSimpleName(), current);
            }
            write(currentFile, golden(ExampleEvents.example(eventType)));
        }
        for (String revision : revisions(folder)) {
            Golden golden = read(folder.resolve(revision + ".json"));
            assertThat(golden.revision()).as("revision in %s/%s.json", folder, revision).isEqualTo(revision);
            Object event = upcastAndDeserialize(golden, upcasters, eventType.getName(), current);
            JsonNode stored = serialize(event);
            if (revision.equals(current)) {
                assertThat(golden.payloadType()).as("payload type of the current revision")
                        .isEqualTo(eventType.getName());
                assertThat(stored).as("""
                        %s revision %s, read from its golden file and serialized again, differs from the file: \
                        the event's shape changed. Give it a new @Revision, an upcaster from this one \
                        (EventUpcasters) and a golden file of the new revision (README, Evolving events)""",
                        eventType.getSimpleName(), current).isEqualTo(golden.payload());
                assertThat(event).as("%s revision %s read with the example's values", eventType.getSimpleName(),
                        current).isEqualTo(ExampleEvents.example(eventType));
            } else {
                Path expectedFile = folder.resolve(revision + UPCAST_SUFFIX + ".json");
                if (!Files.exists(expectedFile) && WRITE) {
                    write(expectedFile, new Golden(eventType.getName(), current, stored));
                }
                assertThat(expectedFile).as("what revision %s of %s reads as, after upcasting (review it when "
                        + "-Dgolden.write=true wrote it)", revision, eventType.getSimpleName()).exists();
                assertThat(stored).as("%s revision %s upcast to revision %s", eventType.getSimpleName(), revision,
                        current).isEqualTo(read(expectedFile).payload());
            }
        }
    }

    /** The event read from its golden file as the event store reads a row: upcast, then deserialized. */
    static Object upcastAndDeserialize(Golden golden, EventUpcaster upcasters, String currentType,
                                       String currentRevision) {
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>(
                "Golden", "golden-aggregate", 0, "golden-event", Instant.EPOCH.toString(),
                golden.payloadType(), golden.revision(), bytes(golden.payload()),
                SERIALIZER.serialize(MetaData.emptyInstance(), byte[].class).getData());
        List<IntermediateEventRepresentation> upcast = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(row, SERIALIZER))).toList();
        assertThat(upcast).as("events read from one stored %s revision %s", golden.payloadType(), golden.revision())
                .hasSize(1);
        IntermediateEventRepresentation representation = upcast.get(0);
        assertThat(representation.getType().getName() + " revision " + representation.getType().getRevision())
                .as("stored %s revision %s after the upcasters: no upcaster brings it to the current revision",
                        golden.payloadType(), golden.revision())
                .isEqualTo(currentType + " revision " + currentRevision);
        return SERIALIZER.deserialize(representation.getData());
    }

    /** The event as the event store would store it now. */
    static Golden golden(Object event) {
        return new Golden(event.getClass().getName(), event.getClass().getAnnotation(Revision.class).value(),
                serialize(event));
    }

    static JsonNode serialize(Object event) {
        try {
            return MAPPER.readTree(SERIALIZER.serialize(event, byte[].class).getData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The revisions that have a golden file in the folder (not the expectations of upcasting). */
    static List<String> revisions(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> REVISION_FILE.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> matcher.group(1))
                    .filter(name -> !name.endsWith(UPCAST_SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Golden read(Path file) {
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            return new Golden(node.path("payloadType").asText(), node.path("revision").asText(), node.get("payload"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a golden file that does not exist yet; an existing one is history and is never overwritten. */
    static void write(Path file, Golden golden) {
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " exists: a golden file is never overwritten");
        }
        ObjectNode node = MAPPER.createObjectNode()
                .put("payloadType", golden.payloadType())
                .put("revision", golden.revision())
                .set("payload", golden.payload());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
            System.out.println("golden file written: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

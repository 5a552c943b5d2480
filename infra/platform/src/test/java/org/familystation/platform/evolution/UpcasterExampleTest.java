package org.familystation.platform.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How an event evolves, shown on test-only events (no real event has changed its stored shape yet): revision 1 of
 * {@link StationRenamed} named the new name {@code newName} and had no reason; revision 2 calls it
 * {@code stationName} and requires a reason. Its upcaster, JSON-tree based like every upcaster here should be, reads
 * revision 1 as revision 2; the golden files in {@code golden-events-example/StationRenamed} are the proof, checked
 * exactly as the real events' are. Without the upcaster, or with a shape changed in place, the check fails.
 */
class UpcasterExampleTest {

    private static final Path ROOT = Path.of("src/test/resources/golden-events-example");

    /** Test-only: a station was renamed. Revision 2; revision 1 is in the golden files only. */
    @Revision("2")
    record StationRenamed(String stationId, String stationName, String reason, Instant renamedAt) {
    }

    /** Test-only: an event whose golden file lacks {@code reason}, as if the field had been added in place. */
    @Revision("1")
    record StationNoted(String stationId, String note, String reason) {
    }

    /** Revision 1 → 2 of {@link StationRenamed}: {@code newName} becomes {@code stationName}; a reason is added. */
    static final class StationRenamedUpcaster extends SingleEventUpcaster {

        static final String NO_REASON_RECORDED = "（第1版事件未记录原因）";
        private static final SimpleSerializedType REVISION_1 =
                new SimpleSerializedType(StationRenamed.class.getName(), "1");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(REVISION_1);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(REVISION_1.getName(), "2"), JsonNode.class,
                    payload -> {
                        ObjectNode event = (ObjectNode) payload;
                        event.set("stationName", event.remove("newName"));
                        event.put("reason", NO_REASON_RECORDED);
                        return event;
                    });
        }
    }

    /** The project's upcasters with the example's after them, as EventUpcasters.all() would list it. */
    private static EventUpcaster upcastersWithTheExample() {
        List<EventUpcaster> upcasters = new ArrayList<>(EventUpcasters.all());
        upcasters.add(new StationRenamedUpcaster());
        return new EventUpcasterChain(upcasters);
    }

    @Test
    void everyRevisionOfTheExampleReadsAsTheCurrentOneThroughItsUpcaster() {
        GoldenEvents.check(StationRenamed.class, ROOT, upcastersWithTheExample());
    }

    @Test
    void revisionOneReadsWithItsOldNameAndTheRecordedLackOfAReason() {
        GoldenEvents.Golden revision1 = GoldenEvents.read(ROOT.resolve("StationRenamed/1.json"));

        Object event = GoldenEvents.upcastAndDeserialize(revision1, upcastersWithTheExample(),
                StationRenamed.class.getName(), "2");

        assertThat(event).isEqualTo(new StationRenamed("a1b2c3d4-0000-4000-8000-000000000001", "梅园新村家庭驿站",
                StationRenamedUpcaster.NO_REASON_RECORDED, Instant.parse("2026-03-01T01:30:00Z")));
    }

    @Test
    void withoutTheUpcasterTheOldRevisionIsRefused() {
        assertThatThrownBy(() -> GoldenEvents.check(StationRenamed.class, ROOT, EventUpcasters.chain()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no upcaster brings it to the current revision");
    }

    @Test
    void aShapeChangedWithoutANewRevisionIsRefused() {
        assertThatThrownBy(() -> GoldenEvents.check(StationNoted.class, ROOT, EventUpcasters.chain()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the event's shape changed");
    }
}

package org.familystation.command.alliance;

import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.deadline.ScheduledDeadlineInfo;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.familystation.command.common.FixedClock;
import org.familystation.platform.eventstore.EventStoreConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Signature deadlines, kept in memory, are scheduled again from the stored sagas (after a restart, or a crash). */
class ConventionDeadlinesTest {

    /** The serializer the JDBC saga store uses. */
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new EventStoreConfiguration().defaultAxonObjectMapper()).build();

    private InMemorySagaStore sagas;
    private StubDeadlineManager deadlines;
    private ConventionDeadlines conventionDeadlines;

    @BeforeEach
    void setUp() {
        sagas = new InMemorySagaStore();
        deadlines = new StubDeadlineManager(FixedClock.NOW);
        AllianceProperties properties = new AllianceProperties();
        properties.setConventionDeadlineSweep(Duration.ofMinutes(5));
        conventionDeadlines = new ConventionDeadlines(sagas, deadlines, FixedClock.CLOCK, properties);
    }

    /** A saga as the saga store gives it back. */
    private static ConventionSignatureSaga stored(String alliance, String version, Instant due) {
        String json = """
                {"alliance": "%s", "conventionVersion": "%s", "signatureDueBy": "%s"}"""
                .formatted(alliance, version, due);
        return SERIALIZER.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                ConventionSignatureSaga.class.getName(), null));
    }

    private void store(String sagaId, String alliance, Instant due) {
        sagas.insertSaga(ConventionSignatureSaga.class, sagaId, stored(alliance, "2026-1", due),
                Set.of(new AssociationValue(ConventionSignatureSaga.ALLIANCE, alliance)));
    }

    @Test
    void theSagaStateSurvivesTheSagaStoresSerialization() {
        ConventionSignatureSaga saga = stored("PUBLIC_WELFARE", "2026-1", FixedClock.NOW);
        ConventionSignatureSaga again = SERIALIZER.deserialize(SERIALIZER.serialize(saga, byte[].class));
        assertThat(again.signatureDueBy()).isEqualTo(FixedClock.NOW);
        assertThat(again).usingRecursiveComparison().isEqualTo(saga);
    }

    @Test
    void schedulesTheDeadlinesDueBeforeTheNextSweepAndThoseAlreadyPast() {
        store("overdue", "PUBLIC_WELFARE", FixedClock.NOW.minus(Duration.ofDays(2)));
        store("due-soon", "DOMESTIC_SERVICE", FixedClock.NOW.plus(Duration.ofMinutes(3)));
        store("due-later", "PUBLIC_WELFARE", FixedClock.NOW.plus(Duration.ofDays(20)));

        conventionDeadlines.sweep();

        assertThat(deadlines.getScheduledDeadlines()).extracting(ScheduledDeadlineInfo::getDeadlineScope)
                .containsExactlyInAnyOrder(new SagaScopeDescriptor("ConventionSignatureSaga", "overdue"),
                        new SagaScopeDescriptor("ConventionSignatureSaga", "due-soon"));
        assertThat(deadlines.getScheduledDeadlines()).allSatisfy(deadline ->
                assertThat(deadline.getDeadlineName()).isEqualTo(ConventionSignatureSaga.SIGNATURE_DUE));
        assertThat(deadlines.getScheduledDeadlines()).extracting(ScheduledDeadlineInfo::getScheduleTime)
                .contains(FixedClock.NOW.plus(Duration.ofMinutes(3)));
    }

    @Test
    void schedulesEachDeadlineOnceOnThisNode() {
        store("overdue", "PUBLIC_WELFARE", FixedClock.NOW.minus(Duration.ofDays(2)));

        conventionDeadlines.sweep();
        conventionDeadlines.sweep();

        assertThat(deadlines.getScheduledDeadlines()).hasSize(1);
    }
}

package org.familystation.query.admin;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A streak of failed batches is one fault, from its first failure; a committed batch ends it. */
class ProcessorFaultsTest {

    private static final Instant FIRST = Instant.parse("2026-12-03T02:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(FIRST);
    private final ProcessorFaults faults = new ProcessorFaults(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });
    private final MessageHandlerInterceptor<EventMessage<?>> search = faults.interceptor("service-record-search");

    @Test
    void failedBatchesAreOneFaultSinceTheFirstUntilABatchCommits() {
        assertThat(faults.of("service-record-search")).isEmpty();

        batch(new IllegalStateException("search index unreachable"));
        now.set(FIRST.plusSeconds(3));
        batch(new IllegalStateException("search index still unreachable"));

        ProcessorFaults.Fault fault = faults.of("service-record-search").orElseThrow();
        assertThat(fault.since()).isEqualTo(FIRST);
        assertThat(fault.lastFailure()).isEqualTo(FIRST.plusSeconds(3));
        assertThat(fault.failures()).isEqualTo(2);
        assertThat(fault.error()).contains("still unreachable");
        assertThat(faults.of("people")).isEmpty();

        batch(null);
        assertThat(faults.of("service-record-search")).isEmpty();
    }

    @Test
    void aProcessorInsideAnotherUnitOfWorkIsNotWatched() throws Exception {
        DefaultUnitOfWork<EventMessage<?>> command = DefaultUnitOfWork.startAndGet(event());
        try {
            DefaultUnitOfWork<EventMessage<?>> nested = DefaultUnitOfWork.startAndGet(event());
            search.handle(nested, () -> null);
            nested.commit();
        } finally {
            command.rollback(new IllegalStateException("the command failed"));
        }
        assertThat(faults.of("service-record-search")).isEmpty();
    }

    /** One batch through the interceptor: committed, or failing when it commits with {@code failure}. */
    private void batch(RuntimeException failure) {
        UnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(event());
        try {
            search.handle(batch, () -> null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        if (failure == null) {
            batch.commit();
            return;
        }
        batch.onPrepareCommit(committing -> {
            throw failure;
        });
        assertThatThrownBy(batch::commit).hasMessage(failure.getMessage());
    }

    private static EventMessage<?> event() {
        return GenericEventMessage.asEventMessage("ServiceRecorded");
    }
}

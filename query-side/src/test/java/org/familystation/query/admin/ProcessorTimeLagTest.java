package org.familystation.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.familystation.platform.operations.ReadSideLag;
import org.familystation.query.common.ReadSideProgress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The slowest processor is the one whose oldest unhandled event has been in the store longest, by where its
 * segments stand in memory; segments replaying or in error, processors in error, retrying, stopped on this node,
 * sagas and processors not streaming do not count.
 */
class ProcessorTimeLagTest {

    private final AtomicLong now = new AtomicLong();
    private final Map<String, EventProcessor> processors = new LinkedHashMap<>();
    private final Map<String, Map<Integer, EventTrackerStatus>> segments = new HashMap<>();
    private long head = -1;
    private final ProcessorFaults faults = mock(ProcessorFaults.class);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private ProcessorTimeLag lag;

    @BeforeEach
    void setUp() {
        when(processing.eventProcessors()).thenReturn(processors);
        when(faults.of(anyString())).thenReturn(Optional.empty());
        TokenPositions tokens = new TokenPositions(null, null) {
            @Override
            public long head() {
                return head;
            }
        };
        lag = new ProcessorTimeLag(new ReadSideProgress(processing, tokens, null), faults, now::get);
    }

    @Test
    void theSlowestIsBehindSinceTheHeadPassedItsPosition() {
        streaming("read-models", true, false);
        streaming("search", true, false);
        at(0, 100);
        positions("read-models", 100, 100);
        positions("search", 100);
        assertThat(slowest()).as("all caught up").isEqualTo(new ReadSideLag.Behind("read-models", Duration.ZERO));

        at(250, 130);
        at(500, 160);
        positions("read-models", 130, 100);
        positions("search", 160);
        at(750, 160);
        assertThat(slowest()).as("segment 1 has not handled 101, in the store since the look at 250 ms")
                .isEqualTo(new ReadSideLag.Behind("read-models", Duration.ofMillis(500)));

        positions("read-models", 160, 160);
        positions("search", 130);
        at(1_000, 170);
        assertThat(slowest()).as("search has not handled 131, in the store since the look at 500 ms")
                .isEqualTo(new ReadSideLag.Behind("search", Duration.ofMillis(500)));
    }

    @Test
    void rebuildsFaultsSagasStoppedAndSubscribingProcessorsDoNotCount() {
        streaming("read-models", true, false);
        streaming("people", true, true);
        streaming("audit", false, false);
        streaming("search", true, false);
        streaming("reports", true, false);
        EventProcessor subscribing = mock(SubscribingEventProcessor.class);
        when(subscribing.getName()).thenReturn("registries");
        when(subscribing.isRunning()).thenReturn(true);
        processors.put("registries", subscribing);
        streaming("ReferralSagaProcessor", true, false);
        SagaConfiguration<?> saga = mock(SagaConfiguration.class);
        when(saga.processingGroup()).thenReturn("ReferralSagaProcessor");
        when(processing.sagaConfigurations()).thenReturn(List.of(saga));
        positions("ReferralSagaProcessor", 0);
        when(faults.of("reports")).thenReturn(Optional.of(new ProcessorFaults.Fault("search index unreachable",
                Instant.EPOCH, Instant.EPOCH, 3)));
        at(0, 10);
        at(1_000, 500);
        positions("read-models", 500);
        positions("people", 0);
        positions("audit", 0);
        positions("reports", 0);
        segments.put("search", Map.of(0, segment(500, false, false), 1, segment(0, true, false),
                2, segment(0, false, true)));
        at(2_000, 500);

        assertThat(slowest()).as("a segment replaying or in error does not count either")
                .isEqualTo(new ReadSideLag.Behind("read-models", Duration.ZERO));

        processors.clear();
        streaming("audit", false, false);
        assertThat(slowest()).as("no processor counts").isNull();
    }

    @Test
    void aProcessorWithNoSegmentOnThisNodeIsNotSeen() {
        streaming("read-models", true, false);
        streaming("search", true, false);
        positions("read-models", 90);
        segments.put("search", Map.of());
        at(0, 100);
        at(500, 100);

        assertThat(slowest()).isEqualTo(new ReadSideLag.Behind("read-models", Duration.ofMillis(500)));
    }

    private void streaming(String name, boolean running, boolean error) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn(name);
        when(processor.isRunning()).thenReturn(running);
        when(processor.isError()).thenReturn(error);
        when(processor.processingStatus()).thenAnswer(call -> segments.getOrDefault(name, Map.of()));
        processors.put(name, processor);
    }

    private void positions(String processor, long... positions) {
        Map<Integer, EventTrackerStatus> each = new HashMap<>();
        for (int segment = 0; segment < positions.length; segment++) {
            each.put(segment, segment(positions[segment], false, false));
        }
        segments.put(processor, each);
    }

    private static EventTrackerStatus segment(long position, boolean replaying, boolean error) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.isReplaying()).thenReturn(replaying);
        when(status.isErrorState()).thenReturn(error);
        return status;
    }

    /** A look at {@code millis} with the head at {@code position}. */
    private void at(long millis, long position) {
        now.set(Duration.ofMillis(millis).toNanos());
        head = position;
        lag.slowest();
    }

    private ReadSideLag.Behind slowest() {
        return lag.slowest().orElse(null);
    }
}

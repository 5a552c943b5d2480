package org.familystation.platform.eventstore;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' streams are told of new events, and only once those can be read; Axon's own store tells them
 * nothing (its coordinator then looks every 500 ms).
 */
class NotifyingEventStoreTest {

    private NotifyingEventStore store = NotifyingEventStore.create(new InMemoryEventStorageEngine(), Duration.ZERO,
            builder -> builder.fetchDelay(60_000)); // no reading on a timer: only a commit makes the store read
    private final List<TrackingEventStream> opened = new ArrayList<>();

    @AfterEach
    void shutDown() {
        opened.forEach(TrackingEventStream::close);
        store.shutDown();
    }

    @Test
    void axonsOwnStoreCannotTellAProcessorOfNewEvents() {
        EmbeddedEventStore axons = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        try (TrackingEventStream stream = axons.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(() -> { })).isFalse();
        } finally {
            axons.shutDown();
        }
    }

    @Test
    void aStreamIsToldOfEachCommittedEventWhenItCanReadIt() throws Exception {
        TrackingEventStream stream = open();
        BlockingQueue<String> told = new LinkedBlockingQueue<>();
        assertThat(stream.setOnAvailableCallback(() -> told.add(readable(stream)))).isTrue();
        assertThat(stream.hasNextAvailable()).isFalse(); // up to date: now it waits on the store's reader

        store.publish(GenericEventMessage.asEventMessage("first"));
        assertThat(told.poll(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");

        store.publish(GenericEventMessage.asEventMessage("second"));
        assertThat(told.poll(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
        assertThat(told).isEmpty();
    }

    @Test
    void everyOpenStreamIsTold() throws Exception {
        List<BlockingQueue<String>> told = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TrackingEventStream stream = open();
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            stream.setOnAvailableCallback(() -> queue.add(readable(stream)));
            assertThat(stream.hasNextAvailable()).isFalse();
            told.add(queue);
        }

        store.publish(GenericEventMessage.asEventMessage("for all"));

        for (BlockingQueue<String> queue : told) {
            assertThat(queue.poll(10, TimeUnit.SECONDS)).isEqualTo("for all");
        }
    }

    @Test
    void eventsCommittedWithinTheLingerAreToldOfOnce() throws Exception {
        store.shutDown();
        store = NotifyingEventStore.create(new InMemoryEventStorageEngine(), Duration.ofSeconds(1),
                builder -> builder.fetchDelay(60_000));
        TrackingEventStream stream = open();
        BlockingQueue<String> told = new LinkedBlockingQueue<>();
        stream.setOnAvailableCallback(() -> told.add(readable(stream)));
        assertThat(stream.hasNextAvailable()).isFalse();

        store.publish(GenericEventMessage.asEventMessage("first"));
        store.publish(GenericEventMessage.asEventMessage("second"));

        assertThat(told.poll(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
        assertThat(stream.hasNextAvailable()).as("the second is there when the first is told of").isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
        assertThat(told.poll(1500, TimeUnit.MILLISECONDS)).as("told once for both").isNull();

        store.publish(GenericEventMessage.asEventMessage("third"));
        assertThat(told.poll(10, TimeUnit.SECONDS)).as("a later one is told of again").isEqualTo("third");
    }

    @Test
    void aLongReadTellsEveryThousandEventsAndAtItsEnd() {
        InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
        events.appendEvents(IntStream.range(0, 2_500).mapToObj(GenericEventMessage::asEventMessage).toList());
        AtomicInteger told = new AtomicInteger();
        List<Integer> readWhenTold = new ArrayList<>();
        AtomicInteger read = new AtomicInteger();
        var engine = new NotifyingEventStore.NotifyingStorageEngine(events, () -> {
            told.incrementAndGet();
            readWhenTold.add(read.get());
        });

        try (var stream = engine.readEvents(null, true)) {
            stream.forEach(event -> read.incrementAndGet());
        }

        assertThat(read).hasValue(2_500);
        assertThat(readWhenTold).containsExactly(1_000, 2_000, 2_500);
    }

    @Test
    void aReadThatFindsNothingTellsNobody() {
        AtomicInteger told = new AtomicInteger();
        var engine = new NotifyingEventStore.NotifyingStorageEngine(new InMemoryEventStorageEngine(),
                told::incrementAndGet);

        try (var stream = engine.readEvents(null, true)) {
            assertThat(stream.count()).isZero();
        }

        assertThat(told).hasValue(0);
    }

    @Test
    void aClosedStreamIsNoLongerTold() throws Exception {
        TrackingEventStream stream = open();
        stream.setOnAvailableCallback(() -> { });
        stream.setOnAvailableCallback(() -> { }); // replaces the first
        assertThat(store.listeningStreams()).isEqualTo(1);

        stream.close();

        assertThat(store.listeningStreams()).isZero();
    }

    private TrackingEventStream open() {
        TrackingEventStream stream = store.openStream(null);
        opened.add(stream);
        return stream;
    }

    /** What the stream can read now, from the thread that calls back (as a processor's coordinator reads it). */
    private static String readable(TrackingEventStream stream) {
        return stream.peek().map(TrackedEventMessage::getPayload).map(String::valueOf).orElse("nothing");
    }
}

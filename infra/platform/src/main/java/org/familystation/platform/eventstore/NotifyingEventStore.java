package org.familystation.platform.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's embedded event store, telling the event processors when new events can be read instead of letting them
 * look twice a second.
 * <p>
 * A pooled streaming processor's coordinator asks its stream to call it back when events become available
 * ({@code BlockingStream.setOnAvailableCallback}). Axon's {@link EmbeddedEventStore} answers that it cannot, and the
 * coordinator then looks again 500 ms after each time it found nothing. So a command's event waited 0–500 ms before
 * any projection saw it: at one client, when nothing else held it up, the read model showed a record 280 ms after
 * the command's answer (p50; BENCHMARKS.md, "Processors told of new events").
 * <p>
 * Here every stream a processor opens accepts the callback, and the store calls all of them once it has read new
 * events: Axon's store reads them in one thread for every processor that is up to date, as soon as a command
 * commits on this node, and every second for those another node appended. It calls them {@code linger} after the
 * first events it has not told of yet ({@code familystation.processors.linger}, 100 ms), so that a processor takes
 * in one batch, one transaction, what arrived meanwhile: told of every read at once, the processors wrote a batch of
 * one or two events at a time when commands came one by one, and RecordService at one client cost twice the CPU.
 * A processor that is still busy with a batch takes in the next one when it is done, told or not.
 */
public final class NotifyingEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(NotifyingEventStore.class);

    /** Events delivered by one read of the store between two calls, while a long read goes on. */
    private static final int NOTIFY_EVERY = 1_000;

    private final Listeners listeners;

    private NotifyingEventStore(Builder builder, Listeners listeners) {
        super(builder);
        this.listeners = listeners;
    }

    /**
     * A store on the given engine, configured as Axon's builder would be ({@code settings} may set the monitor, the
     * span factory, the fetch delay; not the storage engine, which this store wraps).
     *
     * @param linger how long new events gather before the processors are told of them, so that a processor takes
     *               them in one batch (one transaction) rather than one at a time; zero tells at once
     */
    public static NotifyingEventStore create(EventStorageEngine storageEngine, Duration linger,
                                             Consumer<Builder> settings) {
        Listeners listeners = new Listeners(linger);
        Builder builder = EmbeddedEventStore.builder();
        settings.accept(builder);
        builder.storageEngine(new NotifyingStorageEngine(storageEngine, listeners::eventsRead));
        return new NotifyingEventStore(builder, listeners);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new NotifyingStream(super.openStream(trackingToken));
    }

    @Override
    public void shutDown() {
        super.shutDown();
        listeners.close();
    }

    /** How many streams wait to be told of new events (for tests). */
    int listeningStreams() {
        return listeners.callbacks.size();
    }

    /** The processors' callbacks, called together at most once per linger, after the events it gathered were read. */
    private static final class Listeners implements AutoCloseable {

        private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
        private final long lingerNanos;
        private final ScheduledExecutorService timer;
        private final AtomicBoolean told = new AtomicBoolean(true);

        private Listeners(Duration linger) {
            this.lingerNanos = linger.toNanos();
            this.timer = lingerNanos <= 0 ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "processors-told-of-events");
                thread.setDaemon(true);
                return thread;
            });
        }

        /**
         * New events were read: the processors are told when the linger has passed, unless they are to be told
         * already (then that call covers these events too, as it comes after them).
         */
        void eventsRead() {
            if (timer == null) {
                tell();
            } else if (told.compareAndSet(true, false)) {
                try {
                    timer.schedule(() -> {
                        told.set(true);
                        tell();
                    }, lingerNanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException shutDown) {
                    told.set(true);
                }
            }
        }

        /** Calls every callback; one that fails (its processor shutting down) does not keep the others uncalled. */
        private void tell() {
            for (Runnable callback : callbacks) {
                try {
                    callback.run();
                } catch (RuntimeException e) {
                    log.debug("A processor could not be told of new events", e);
                }
            }
        }

        @Override
        public void close() {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
    }

    /** A processor's stream, as Axon's store opens it, which also keeps the processor's callback. */
    private final class NotifyingStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        private NotifyingStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                listeners.callbacks.remove(previous);
            }
            this.callback = callback;
            listeners.callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                listeners.callbacks.remove(current);
            }
            delegate.close();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }
    }

    /**
     * The storage engine, whose streams of tracked events call {@code onRead} once the reader has taken the last event
     * of a read (and every {@value #NOTIFY_EVERY} events of a long one). Axon's store appends each event it reads to
     * the cache its processors read from before it takes the next, so by then they can read it.
     */
    record NotifyingStorageEngine(EventStorageEngine delegate, Runnable onRead) implements EventStorageEngine {

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return notifying(delegate.readEvents(trackingToken, mayBlock));
        }

        private <T> Stream<T> notifying(Stream<T> events) {
            Spliterator<T> read = events.spliterator();
            return StreamSupport.stream(new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {
                private int unannounced;

                @Override
                public boolean tryAdvance(Consumer<? super T> action) {
                    if (read.tryAdvance(action)) {
                        if (++unannounced == NOTIFY_EVERY) {
                            unannounced = 0;
                            onRead.run();
                        }
                        return true;
                    }
                    if (unannounced > 0) {
                        unannounced = 0;
                        onRead.run();
                    }
                    return false;
                }
            }, false).onClose(events::close);
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            delegate.appendEvents(events);
        }

        @Override
        public void appendEvents(EventMessage<?>... events) {
            delegate.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            delegate.storeSnapshot(snapshot);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            return delegate.readEvents(aggregateIdentifier);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return delegate.readSnapshot(aggregateIdentifier);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return delegate.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return delegate.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return delegate.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return delegate.createTokenAt(dateTime);
        }
    }
}

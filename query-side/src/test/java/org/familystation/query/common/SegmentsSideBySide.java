package org.familystation.query.common;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history applied to a projection as its pooled streaming processor applies it with several segments: the
 * segments split as Axon splits them, each event given to the segment that matches its aggregate as Axon's event
 * handler invoker matches it ({@code Segment.matches} of the aggregate identifier's hash), every segment on a thread
 * of its own, all started together, in batches of its events: each batch a transaction with a unit of work and
 * {@link ProjectionBatches} around the handlers, as the processor runs it. A batch that fails is retried, as the
 * processor retries it, and counted: a deadlock between segments would show as a retry.
 */
public final class SegmentsSideBySide {

    private static final int ATTEMPTS = 20;

    private final ProjectionBatches batches;
    private final TransactionTemplate transactions;

    public SegmentsSideBySide(ProjectionBatches batches, TransactionTemplate transactions) {
        this.batches = batches;
        this.transactions = transactions;
    }

    /**
     * Checks that four segments side by side write what one segment writes: the history applied with one segment,
     * its read model taken ({@code readModel}), emptied ({@code clear}), applied again with four segments and then
     * half of it redelivered with two (as after the segments were merged again: whichever segment handles an event,
     * nothing counts twice), with no batch retried, and the read model compared with the first.
     *
     * @return the read model as one segment wrote it, for the caller's own checks of it
     */
    public <R> R assertFourWriteWhatOneWrites(Object projection, List<DomainEventMessage<?>> history, int batchSize,
                                              Supplier<R> readModel, Runnable clear) throws Exception {
        assertThat(apply(projection, history, 1, batchSize)).isZero();
        R written = readModel.get();
        clear.run();
        assertThat(apply(projection, history, 4, batchSize)).as("batches retried").isZero();
        assertThat(apply(projection, history.subList(0, history.size() / 2), 2, batchSize)).isZero();
        assertThat(readModel.get()).isEqualTo(written);
        return written;
    }

    /**
     * Applies the history to the projection in {@code segments} segments (a power of two) side by side.
     *
     * @return how many batches had to be retried
     */
    public int apply(Object projection, List<DomainEventMessage<?>> history, int segments, int batchSize)
            throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection,
                ClasspathParameterResolverFactory.forClass(projection.getClass()),
                MultiHandlerDefinition.ordered(batches, new AnnotatedMessageHandlingMemberDefinition()));
        List<Segment> split = Segment.splitBalanced(Segment.ROOT_SEGMENT, segments - 1);
        AtomicInteger retried = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(split.size());
        ExecutorService threads = Executors.newFixedThreadPool(split.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Segment segment : split) {
                List<DomainEventMessage<?>> events = history.stream()
                        .filter(event -> segment.matches(Objects.hashCode(event.getAggregateIdentifier())))
                        .toList();
                running.add(threads.submit(() -> {
                    together.await();
                    for (int from = 0; from < events.size(); from += batchSize) {
                        batch(handlers, events.subList(from, Math.min(from + batchSize, events.size())), retried);
                    }
                    return null;
                }));
            }
            for (Future<?> segment : running) {
                segment.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        return retried.get();
    }

    private void batch(AnnotationEventHandlerAdapter handlers, List<DomainEventMessage<?>> events,
                       AtomicInteger retried) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(events.get(0));
                    try {
                        for (DomainEventMessage<?> event : events) {
                            handlers.handle(event);
                        }
                    } catch (Exception e) {
                        unitOfWork.rollback(e);
                        throw new IllegalStateException(e);
                    }
                    unitOfWork.commit();
                });
                return;
            } catch (RuntimeException failed) {
                if (attempt == ATTEMPTS) {
                    throw failed;
                }
                retried.incrementAndGet();
            }
        }
    }

    /** The rows a query answers, each as text (column=value …), sorted: to compare what two runs wrote. */
    public static List<String> rows(JdbcTemplate jdbc, String sql, Object... arguments) {
        List<String> rows = new ArrayList<>(jdbc.query(sql, (row, index) -> {
            ResultSetMetaData columns = row.getMetaData();
            StringBuilder text = new StringBuilder();
            for (int column = 1; column <= columns.getColumnCount(); column++) {
                text.append(columns.getColumnName(column)).append('=').append(row.getString(column)).append(' ');
            }
            return text.toString();
        }, arguments));
        rows.sort(null);
        return rows;
    }
}

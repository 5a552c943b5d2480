package org.familystation.query.common;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.annotation.Nonnull;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How a projection's handlers run inside its processor's batch transaction, as the projection declares it. Every
 * handler of a processing group with a dead-letter queue ({@link ProcessingGroups#ALL}, registered in
 * {@link QuerySideConfiguration}) runs in a savepoint, so that a failing event is rolled back and parked alone: in
 * PostgreSQL one failing statement aborts the whole transaction, and the queue could not even record it. A
 * {@link BatchedProjection} runs optimistically without savepoints and carefully (a savepoint per event, for
 * {@link #CAREFUL_FOR}) after a failure, and may collect its writes ({@link #writes}) to apply them together. A
 * {@link OneBatchAtATime} projection's batches take an advisory lock of its processor (the family of its group:
 * one lock per batch, so two locks are never taken in different orders). Why, with the figures:
 * docs/design/projection-batches.md; families: docs/design/processor-families.md.
 */
@Component
public class ProjectionBatches implements HandlerEnhancerDefinition {

    private static final String RETRY = ProjectionBatches.class.getName() + ".retry";
    /** The processing group whose handler runs now (a family's batch holds the events of several groups). */
    private static final String GROUP = ProjectionBatches.class.getName() + ".group";
    /** Set when the batch has taken its processor's advisory lock ({@link OneBatchAtATime}). */
    private static final String LOCKED = ProjectionBatches.class.getName() + ".locked";
    private static final String WRITES = ProjectionBatches.class.getName() + ".writes.";
    private static final TransactionDefinition NESTED =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    /** How long a processing group's batches run with a savepoint per event after one of its handlers failed. */
    static final Duration CAREFUL_FOR = Duration.ofMinutes(1);

    private final Map<String, Instant> carefulUntil = new ConcurrentHashMap<>();
    /** The collected writes of the event being handled, while it is handled alone (no batch, or a careful one). */
    private final ThreadLocal<Map<Class<?>, BatchWrites>> eventWrites = new ThreadLocal<>();

    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final ObjectProvider<JdbcTemplate> jdbc;

    public ProjectionBatches(ObjectProvider<PlatformTransactionManager> transactions,
                             ObjectProvider<JdbcTemplate> jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        String group = deadLetteredGroup(original);
        if (!original.canHandleMessageType(EventMessage.class) || group == null) {
            return original;
        }
        long lockKey = ("projection-batch:" + ProcessingGroups.processorOf(group)).hashCode();
        boolean batched = original.declaringClass().isAnnotationPresent(BatchedProjection.class);
        boolean oneBatchAtATime = original.declaringClass().isAnnotationPresent(OneBatchAtATime.class);
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return handleAlone(message, target);
                }
                UnitOfWork<?> batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
                if (batch != null && batch.resources().containsKey(RETRY)) {
                    return null;
                }
                if (batch != null) {
                    batch.resources().put(GROUP, group);
                    if (oneBatchAtATime && batch.resources().putIfAbsent(LOCKED, Boolean.TRUE) == null) {
                        jdbc.getObject().query("SELECT pg_advisory_xact_lock(?)", row -> { }, lockKey);
                    }
                }
                if (batch != null && batched && !careful(group)) {
                    try {
                        return super.handle(message, target);
                    } catch (Exception | Error failed) {
                        failedOptimistically(batch, group, failed);
                        return null;
                    }
                }
                // Any other projection, or a batched one while careful: the event in a savepoint of the batch.
                PlatformTransactionManager manager = transactions.getObject();
                TransactionStatus savepoint = manager.getTransaction(NESTED);
                Object result;
                try {
                    result = handleAlone(message, target);
                } catch (Exception | Error failed) {
                    manager.rollback(savepoint);
                    if (batch != null && isConflict(failed)) {
                        retryWhole(batch, failure(group, "an event handler of", failed));
                        return null;
                    }
                    throw failed;
                }
                manager.commit(savepoint);
                return result;
            }

            private Object handleAlone(Message<?> message, T target) throws Exception {
                return alone(() -> super.handle(message, target));
            }
        };
    }

    /**
     * Handles one event on its own: the writes its handler collects ({@link #writes}) are applied as soon as it
     * returns. For calling a projection's handler directly, as tests do.
     */
    public <R> R alone(Callable<R> handler) throws Exception {
        Map<Class<?>, BatchWrites> outer = eventWrites.get();
        Map<Class<?>, BatchWrites> collected = new LinkedHashMap<>();
        eventWrites.set(collected);
        try {
            R result = handler.call();
            collected.values().forEach(BatchWrites::flush);
            return result;
        } finally {
            eventWrites.set(outer);
        }
    }

    /**
     * The writes the current event handler of a {@link BatchedProjection} collects, of one kind ({@code type}):
     * shared by the handlers of the batch and applied when it commits (in the order they were first asked for), or
     * the event's own, applied when its handler returns, when the event is handled alone (no batch, or its
     * processing group is careful).
     * <p>
     * Handlers that read what they wrote earlier in the batch flush the collected writes first.
     */
    public <W extends BatchWrites> W writes(Class<W> type, Supplier<W> create) {
        Map<Class<?>, BatchWrites> alone = eventWrites.get();
        if (alone != null) {
            return type.cast(alone.computeIfAbsent(type, key -> create.get()));
        }
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("collected writes outside of a projection's event handler");
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        String group = (String) batch.resources().get(GROUP);
        return batch.getOrComputeResource(WRITES + group + '.' + type.getName(), key -> {
            W writes = create.get();
            batch.onPrepareCommit(committing -> {
                if (batch.resources().containsKey(RETRY)) {
                    return;
                }
                try {
                    writes.flush();
                } catch (RuntimeException | Error failed) {
                    throw failure(group, "the collected writes of", failed);
                }
            });
            return writes;
        });
    }

    private void failedOptimistically(UnitOfWork<?> batch, String group, Throwable failed) {
        retryWhole(batch, failure(group, "an event handler of", failed));
    }

    /**
     * Why a batch is retried: a collision with a concurrent transaction is retried as it was; any other failure of
     * {@code what} (a handler, the collected writes) makes the processing group careful first, so that the retried
     * batch parks only the failing event.
     */
    private BatchRetryException failure(String group, String what, Throwable failed) {
        if (isConflict(failed)) {
            return new BatchRetryException("the batch collided with a concurrent transaction and is retried", failed);
        }
        carefulUntil.put(group, Instant.now().plus(CAREFUL_FOR));
        return new BatchRetryException(what + " " + group + " failed; the batch is retried with a savepoint per event",
                failed);
    }

    private boolean careful(String group) {
        Instant until = carefulUntil.get(group);
        return until != null && Instant.now().isBefore(until);
    }

    /** Skips the rest of the batch and fails it when it commits, so that it is rolled back and retried. */
    private static void retryWhole(UnitOfWork<?> batch, BatchRetryException reason) {
        batch.resources().put(RETRY, reason);
        batch.onPrepareCommit(committing -> {
            throw reason;
        });
    }

    /** A collision with a concurrent transaction: deadlock, serialization failure, lock not available. */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("55P03"))) {
                return true;
            }
        }
        return false;
    }

    /** Fails a batch so that the processor rolls it back and retries it. */
    static final class BatchRetryException extends RuntimeException {
        BatchRetryException(String why, Throwable cause) {
            super(why + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * The processing group of a projection's handler if the group has a dead-letter queue
     * ({@link ProcessingGroups#ALL}: every projection of the query side); null for any other handler, left as it is.
     */
    private static String deadLetteredGroup(MessageHandlingMember<?> member) {
        try {
            ProcessingGroup group = member.declaringClass().getAnnotation(ProcessingGroup.class);
            return group != null && ProcessingGroups.ALL.contains(group.value()) ? group.value() : null;
        } catch (UnsupportedOperationException unknown) {
            return null;
        }
    }
}

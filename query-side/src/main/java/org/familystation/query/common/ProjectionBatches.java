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

/**
 * How a projection's handlers run inside its processor's batch transaction.
 * <p>
 * One batch of a projection at a time: the first event of a batch takes a transaction-level advisory lock of its
 * processing group, so the batches of its segments (on any node) are applied one after the other. Projections keep
 * counters shared across aggregates (services per district and month, …); two segments' batches updating the same
 * counter rows in different orders deadlock, and under load (a replay) they did so again and again. Segments still
 * share the reading and dispatching of events; a processor writes no faster than one transaction at a time anyway.
 * <p>
 * Every event handler runs in a savepoint of the batch's transaction. Without it, one failing
 * statement aborts the whole PostgreSQL transaction ("current transaction is aborted"), so the dead-letter queue
 * cannot even record the failed event and the whole batch is retried forever: the segment is blocked. With it, the
 * failed event's writes are rolled back alone, the event is parked, and the batch commits the others.
 * <p>
 * A failure that only says the batch collided with another transaction (a deadlock with another segment's batch
 * over the same counter rows, a serialization failure, a lock not available) is not the event's fault and must not
 * park it: the rest of the batch is skipped and the batch is rolled back and retried whole, which is what ends the
 * deadlock (a savepoint alone would keep the locks of the batch's earlier events).
 */
@Component
public class ProjectionBatches implements HandlerEnhancerDefinition {

    private static final String PROJECTIONS = "org.familystation.query.";
    private static final String CONFLICT = ProjectionBatches.class.getName() + ".conflict";
    private static final String LOCKED = ProjectionBatches.class.getName() + ".locked.";
    private static final TransactionDefinition NESTED =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final ObjectProvider<JdbcTemplate> jdbc;

    public ProjectionBatches(ObjectProvider<PlatformTransactionManager> transactions,
                             ObjectProvider<JdbcTemplate> jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        String group = processingGroupOfProjection(original);
        if (!original.canHandleMessageType(EventMessage.class) || group == null) {
            return original;
        }
        long lockKey = ("projection-batch:" + group).hashCode();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                UnitOfWork<?> batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
                if (batch != null && batch.resources().containsKey(CONFLICT)) {
                    return null;
                }
                if (batch != null && batch.resources().putIfAbsent(LOCKED + group, Boolean.TRUE) == null) {
                    jdbc.getObject().query("SELECT pg_advisory_xact_lock(?)", row -> { }, lockKey);
                }
                PlatformTransactionManager manager = transactions.getObject();
                TransactionStatus savepoint = manager.getTransaction(NESTED);
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error failed) {
                    manager.rollback(savepoint);
                    if (batch != null && isConflict(failed)) {
                        retryWhole(batch, failed);
                        return null;
                    }
                    throw failed;
                }
                manager.commit(savepoint);
                return result;
            }
        };
    }

    /** Skips the rest of the batch and fails it when it commits, so that it is rolled back and retried. */
    private static void retryWhole(UnitOfWork<?> batch, Throwable conflict) {
        batch.resources().put(CONFLICT, conflict);
        batch.onPrepareCommit(committing -> {
            throw new BatchConflictException(conflict);
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

    /** Fails a batch that collided with another transaction, so that the processor retries it. */
    static final class BatchConflictException extends RuntimeException {
        BatchConflictException(Throwable conflict) {
            super("the batch collided with a concurrent transaction and is retried: " + conflict.getMessage(),
                    conflict);
        }
    }

    /** The processing group of a projection's handler; null for any other handler. */
    private static String processingGroupOfProjection(MessageHandlingMember<?> member) {
        try {
            Class<?> type = member.declaringClass();
            ProcessingGroup group = type.getAnnotation(ProcessingGroup.class);
            return type.getName().startsWith(PROJECTIONS) && group != null ? group.value() : null;
        } catch (UnsupportedOperationException unknown) {
            return null;
        }
    }
}

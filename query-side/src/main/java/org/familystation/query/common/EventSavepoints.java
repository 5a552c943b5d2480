package org.familystation.query.common;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.annotation.Nonnull;

/**
 * Runs every event handler of a projection in a savepoint of its batch's transaction. Without it, one failing
 * statement aborts the whole PostgreSQL transaction ("current transaction is aborted"), so the dead-letter queue
 * cannot even record the failed event and the whole batch is retried forever: the segment is blocked. With it, the
 * failed event's writes are rolled back alone, the event is parked, and the batch commits the others.
 */
@Component
public class EventSavepoints implements HandlerEnhancerDefinition {

    private static final String PROJECTIONS = "org.familystation.query.";
    private static final TransactionDefinition NESTED =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final ObjectProvider<PlatformTransactionManager> transactions;

    public EventSavepoints(ObjectProvider<PlatformTransactionManager> transactions) {
        this.transactions = transactions;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !isProjection(original)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                PlatformTransactionManager manager = transactions.getObject();
                TransactionStatus savepoint = manager.getTransaction(NESTED);
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error failed) {
                    manager.rollback(savepoint);
                    throw failed;
                }
                manager.commit(savepoint);
                return result;
            }
        };
    }

    private static boolean isProjection(MessageHandlingMember<?> member) {
        try {
            Class<?> type = member.declaringClass();
            return type.getName().startsWith(PROJECTIONS) && type.isAnnotationPresent(ProcessingGroup.class);
        } catch (UnsupportedOperationException unknown) {
            return false;
        }
    }
}

package org.familystation.query.common;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-event savepoints for projections whose handlers write more than once. A projection's batch is one
 * transaction; when one event's handler fails, the event goes to the dead-letter queue and the batch commits
 * without it — so its writes must be all or nothing on their own: a savepoint around each event's writes.
 */
public final class Savepoints {

    private Savepoints() {
    }

    /** A template whose {@code executeWithoutResult} runs in a savepoint of the surrounding batch transaction. */
    public static TransactionTemplate nested(PlatformTransactionManager transactions) {
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return savepoint;
    }
}

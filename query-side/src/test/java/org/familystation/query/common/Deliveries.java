package org.familystation.query.common;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers an event to a projection's handler as the processor does when it handles the event alone (a batch of one,
 * or a careful batch): in a transaction of its own, the writes the handler collects applied when it returns.
 */
public final class Deliveries {

    private final TransactionTemplate transactions;
    private final ProjectionBatches batches;

    public Deliveries(TransactionTemplate transactions, ProjectionBatches batches) {
        this.transactions = transactions;
        this.batches = batches;
    }

    /** Runs {@code handler} (a call of a projection's event handler) {@code times} times, each delivery on its own. */
    public void deliver(Runnable handler, int times) {
        for (int i = 0; i < times; i++) {
            transactions.executeWithoutResult(status -> {
                try {
                    batches.alone(() -> {
                        handler.run();
                        return null;
                    });
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}

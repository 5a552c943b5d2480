package org.familystation.platform.operations;

/**
 * The turns among the changes this node runs at once, for changes that do not come through an HTTP request: an
 * import's rows take turns with the API's changes ({@link ChangeAdmission}), and so also wait while the read side is
 * behind ({@link FlowControl}) instead of running past it.
 */
@FunctionalInterface
public interface ChangeTurns {

    /** Where changes do not take turns ({@code familystation.operations.concurrent-changes} 0, no web server). */
    ChangeTurns NONE = Runnable::run;

    /**
     * Runs {@code change} in its turn, waiting for it as long as that takes (a background job has nobody to answer
     * 503 to); interrupted while waiting, it does not run.
     */
    void inTurn(Runnable change) throws InterruptedException;
}

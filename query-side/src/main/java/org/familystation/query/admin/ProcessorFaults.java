package org.familystation.query.admin;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which event processors on this node fail to write what they handle, since when, and the last error: a batch that
 * cannot be committed (its target — Elasticsearch, PostgreSQL — is down) is rolled back and retried by Axon, which
 * releases the segment for 1, 2, 4 … 60 s and claims it again; meanwhile Axon's own status shows nothing (the
 * released segment has no status and the processor is not "in error"). A batch committed clears the fault.
 * <p>
 * An event a handler fails on is not a fault here: it is parked in the processor's dead-letter queue and the batch
 * commits. Filled by {@link #interceptor}, registered on every processor ({@code QuerySideConfiguration}).
 */
@Component
public class ProcessorFaults {

    /**
     * A processor's current streak of failed batches.
     *
     * @param error       the last failure, as its exception says it
     * @param since       the first failure of the streak
     * @param lastFailure the latest failure
     * @param failures    failed batches in the streak (each retry that failed again counts)
     */
    public record Fault(String error, Instant since, Instant lastFailure, long failures) {
    }

    private static final String TRACKED = ProcessorFaults.class.getName() + ".tracked";

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProcessorFaults(Clock clock) {
        this.clock = clock;
    }

    /** The processor's fault, if its last batch failed. */
    public Optional<Fault> of(String processor) {
        return Optional.ofNullable(faults.get(processor));
    }

    /** Watches how the batches of the named processor end. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(String processor) {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            if (unitOfWork.parent().isPresent()) {
                // A subscribing processor, in the command's unit of work: its failure fails the command itself.
                return chain.proceed();
            }
            UnitOfWork<?> batch = unitOfWork;
            batch.getOrComputeResource(TRACKED, key -> {
                batch.onRollback(failed -> failed(processor, failed.getExecutionResult() == null ? null
                        : failed.getExecutionResult().getExceptionResult()));
                batch.afterCommit(committed -> faults.remove(processor));
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
    }

    void failed(String processor, Throwable cause) {
        Instant now = clock.instant();
        String error = cause == null ? "rolled back" : cause.toString();
        faults.merge(processor, new Fault(error, now, now, 1),
                (streak, latest) -> new Fault(error, streak.since(), now, streak.failures() + 1));
    }
}

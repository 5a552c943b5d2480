package org.familystation.platform.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.monitoring.MessageMonitor;
import org.familystation.platform.error.Dependency;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Unavailability;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Times every command the command bus handles, from dispatch to the commit of its events (or its failure), as
 * {@code familystation.commands} tagged with the command's name, its {@code outcome} and a {@code code}:
 * {@code accepted}; {@code refused} with the refusal's code (the user's input or the domain's rules said no);
 * {@code conflict} (a concurrent change to the same aggregate, after the gateway's retries); {@code unavailable}
 * with {@code DATABASE_UNAVAILABLE}; {@code error} for anything else, which is a bug to look at.
 */
public class CommandMetrics implements MessageMonitor<Message<?>> {

    static final String METER = "familystation.commands";
    /** A few histogram buckets (not Micrometer's ~70 per series): enough for a latency percentile and an SLO alert. */
    public static final Duration[] LATENCY_BUCKETS = Stream.of(25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    /**
     * Each series' timer, built once: building it for every command (tags sorted, the registry asked) was 1.2% of the
     * request threads' CPU samples under RecordService load (BENCHMARKS.md, 2026-12-05).
     */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        String command = message instanceof CommandMessage<?> commandMessage
                ? simpleName(commandMessage.getCommandName()) : message.getPayloadType().getSimpleName();
        long start = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                record(command, "accepted", "none", start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                String[] outcome = outcome(cause);
                record(command, outcome[0], outcome[1], start);
            }

            @Override
            public void reportIgnored() {
                record(command, "ignored", "none", start);
            }
        };
    }

    private void record(String command, String outcome, String code, long start) {
        timers.computeIfAbsent(new Series(command, outcome, code), series -> Timer.builder(METER)
                        .description("Commands handled, by command, outcome and refusal code")
                        .tags("command", series.command(), "outcome", series.outcome(), "code", series.code())
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .register(registry))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private record Series(String command, String outcome, String code) {
    }

    static String[] outcome(Throwable cause) {
        for (Throwable failure = cause; failure != null; failure = failure.getCause()) {
            if (failure instanceof DomainException refusal) {
                return new String[]{"refused", refusal.code()};
            }
            if (failure instanceof AggregateNotFoundException) {
                return new String[]{"refused", "NOT_FOUND"};
            }
            if (failure instanceof AggregateStreamCreationException) {
                return new String[]{"refused", "ID_ALREADY_USED"};
            }
            if (failure instanceof ConcurrencyException) {
                return new String[]{"conflict", "CONCURRENT_CHANGE"};
            }
            if (failure.getCause() == failure) {
                break;
            }
        }
        Optional<Dependency> down = Unavailability.of(cause);
        return down.map(dependency -> new String[]{"unavailable", dependency.code()})
                .orElseGet(() -> new String[]{"error", "none"});
    }

    private static String simpleName(String commandName) {
        return commandName.substring(commandName.lastIndexOf('.') + 1);
    }
}

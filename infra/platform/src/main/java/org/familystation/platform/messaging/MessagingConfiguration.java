package org.familystation.platform.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.familystation.platform.error.Unavailability;
import org.familystation.platform.web.CorrelationIdFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Commands carry who sent them and why; events carry it on; conflicting writes to one aggregate are retried. */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class MessagingConfiguration {

    /**
     * Every message caused by a handled one carries the request's correlation id (the root: Axon calls it the trace)
     * and the handled message's id as its causation id (Axon's "correlation"): Axon's own origin provider, under our
     * metadata names.
     */
    @Bean
    public CorrelationDataProvider originCorrelationDataProvider() {
        return new MessageOriginProvider(MetadataKeys.CAUSATION_ID, MetadataKeys.CORRELATION_ID);
    }

    /** Who acted, and from which unit, travels from a command to the events and commands it causes. */
    @Bean
    public CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.USER_ID, MetadataKeys.UNIT_ID);
    }

    @Bean
    public RequestMetadataInterceptor requestMetadataInterceptor() {
        return new RequestMetadataInterceptor();
    }

    /**
     * Two nodes (or threads) appending to one aggregate at once: the loser fails on the unique (aggregate,
     * sequence) key and is retried a few times on fresh state. Refusals and re-used ids are never retried, and
     * neither is a database that is down: each try would wait for a connection again, and the client is better told
     * at once (503, {@link Unavailability}).
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retries)
                        .retryInterval(20)
                        .maxRetryCount(3)
                        .nonTransientFailurePredicate(failure -> failure instanceof AxonNonTransientException
                                || failure instanceof AggregateStreamCreationException
                                || Unavailability.of(failure).isPresent())
                        .build())
                .build();
    }

    @Bean
    public FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}

package org.familystation.command.common;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.familystation.command.alliance.AllianceProperties;
import org.familystation.command.network.NetworkProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/** The command side: aggregates, their registries and the command API, as one auto-configured unit. */
@AutoConfiguration
@ComponentScan(basePackages = "org.familystation.command")
@EnableConfigurationProperties({NetworkProperties.class, AllianceProperties.class})
public class CommandSideConfiguration {

    /**
     * The registries are updated inside the command's transaction (subscribing), and a failure there fails the
     * command instead of being logged and forgotten.
     */
    @Bean
    public ConfigurerModule commandRegistriesInCommandTransaction() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(CommandRegistries.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(CommandRegistries.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }

    /**
     * Deadlines of sagas (a convention's signature deadline) are handled in one transaction, like a command; Axon's
     * default deadline manager has none. Deadlines are in memory: see {@code ConventionDeadlines} for restarts.
     */
    @Bean
    public DeadlineManager deadlineManager(org.axonframework.config.Configuration axon,
                                           TransactionManager transactions) {
        return SimpleDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .transactionManager(transactions)
                .build();
    }
}

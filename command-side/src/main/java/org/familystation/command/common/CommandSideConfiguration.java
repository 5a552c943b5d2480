package org.familystation.command.common;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.familystation.command.alliance.AllianceProperties;
import org.familystation.command.importing.ImportProperties;
import org.familystation.command.network.NetworkProperties;
import org.familystation.command.referral.ReferralProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/** The command side: aggregates, their registries and the command API, as one auto-configured unit. */
@AutoConfiguration
@ComponentScan(basePackages = "org.familystation.command")
@EnableConfigurationProperties({NetworkProperties.class, AllianceProperties.class, ReferralProperties.class,
        ImportProperties.class})
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
}

package org.familystation.command.alliance;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.familystation.events.common.Alliance;
import org.familystation.platform.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Publishes the configured convention versions ({@code familystation.alliance.conventions}) of every alliance that
 * has none published yet, through the same command as any publication, so that a new system starts with a
 * current convention on record. Idempotent, and safe when several nodes start at once: a version another node
 * published first is refused here, and that refusal is the answer we wanted.
 */
@Component
public class ConventionSeeder {

    static final String SUMMARY = "初始版本（系统配置）";

    private static final Logger log = LoggerFactory.getLogger(ConventionSeeder.class);

    private final ConventionRegistry conventions;
    private final CommandGateway commands;
    private final AllianceProperties properties;

    public ConventionSeeder(ConventionRegistry conventions, CommandGateway commands, AllianceProperties properties) {
        this.conventions = conventions;
        this.commands = commands;
        this.properties = properties;
    }

    @Order(0)
    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        for (Alliance alliance : Alliance.values()) {
            if (conventions.currentVersion(alliance).isPresent()) {
                continue;
            }
            for (String version : properties.getConventions().getOrDefault(alliance, List.of())) {
                publish(alliance, version);
            }
        }
    }

    private void publish(Alliance alliance, String version) {
        try {
            commands.sendAndWait(new PublishConventionVersion(alliance, version,
                    properties.getConventionGracePeriod(), SUMMARY));
            log.info("Published the configured convention version {} of {}", version, alliance);
        } catch (AggregateStreamCreationException publishedByAnotherNode) {
            log.debug("Another node published the first convention version of {}", alliance);
        } catch (DomainException refused) {
            if (!refused.refusal().equals(AllianceRefusals.CONVENTION_VERSION_ALREADY_PUBLISHED)) {
                throw refused;
            }
        }
    }
}

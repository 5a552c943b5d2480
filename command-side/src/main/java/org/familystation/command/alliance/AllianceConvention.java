package org.familystation.command.alliance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.events.alliance.AllianceConventionPublished;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An alliance's convention (联盟公约): the versions it has published, the latest being current. One stream per
 * alliance, identified by the alliance's name; it comes into being with its first publication.
 */
@Aggregate
public class AllianceConvention {

    @AggregateIdentifier
    private String alliance;
    private final Set<String> versions = new HashSet<>();
    private String currentVersion;

    protected AllianceConvention() {
        // for Axon
    }

    /** The command is read at the edge ({@link PublishConventionVersion#read}): only a version's novelty is left. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishConventionVersion command, Clock clock) {
        if (versions.contains(command.conventionVersion())) {
            throw DomainException.refuseField(AllianceRefusals.CONVENTION_VERSION_ALREADY_PUBLISHED,
                    "conventionVersion", command.conventionVersion());
        }
        Instant now = clock.instant();
        apply(new AllianceConventionPublished(command.alliance(), command.conventionVersion(), command.summary(),
                currentVersion, now, command.gracePeriod(), now.plus(command.gracePeriod())));
    }

    @EventSourcingHandler
    void on(AllianceConventionPublished event) {
        alliance = event.alliance().name();
        versions.add(event.conventionVersion());
        currentVersion = event.conventionVersion();
    }
}

package org.familystation.command.alliance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.common.Rules;
import org.familystation.events.alliance.AllianceConventionPublished;
import org.familystation.events.common.Alliance;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An alliance's convention (联盟公约): the versions it has published, the latest being current. One stream per
 * alliance, identified by the alliance's name; it comes into being with its first publication.
 */
@Aggregate
public class AllianceConvention {

    static final int MAX_VERSION = 50;
    static final int MAX_SUMMARY = 2_000;
    static final Duration MAX_GRACE_PERIOD = Duration.ofDays(366);

    @AggregateIdentifier
    private String alliance;
    private final Set<String> versions = new HashSet<>();
    private String currentVersion;

    protected AllianceConvention() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishConventionVersion command, Clock clock) {
        Alliance alliance = Rules.oneOf(Alliance.class, command.alliance(), AllianceRefusals.ALLIANCE_UNKNOWN,
                "alliance");
        if (!alliance.name().equals(command.alliance())) {
            // The name is the stream's id: " PUBLIC_WELFARE" must not start a second stream.
            throw DomainException.refuseField(AllianceRefusals.ALLIANCE_UNKNOWN, "alliance", command.alliance());
        }
        String version = Rules.requiredText(command.conventionVersion(), MAX_VERSION,
                AllianceRefusals.CONVENTION_VERSION_INVALID, "conventionVersion");
        Duration gracePeriod = gracePeriod(command.gracePeriod());
        String summary = Rules.requiredText(command.summary(), MAX_SUMMARY, AllianceRefusals.CONVENTION_SUMMARY_INVALID,
                "summary");
        if (versions.contains(version)) {
            throw DomainException.refuseField(AllianceRefusals.CONVENTION_VERSION_ALREADY_PUBLISHED,
                    "conventionVersion", version);
        }
        Instant now = clock.instant();
        apply(new AllianceConventionPublished(alliance, version, summary, currentVersion, now, gracePeriod,
                now.plus(gracePeriod)));
    }

    private static Duration gracePeriod(String text) {
        try {
            Duration gracePeriod = Duration.parse(text == null ? "" : text.strip());
            if (!gracePeriod.isNegative() && !gracePeriod.isZero() && gracePeriod.compareTo(MAX_GRACE_PERIOD) <= 0) {
                return gracePeriod;
            }
        } catch (DateTimeParseException notADuration) {
            // refused below
        }
        throw DomainException.refuseField(AllianceRefusals.GRACE_PERIOD_INVALID, "gracePeriod", text);
    }

    @EventSourcingHandler
    void on(AllianceConventionPublished event) {
        alliance = event.alliance().name();
        versions.add(event.conventionVersion());
        currentVersion = event.conventionVersion();
    }
}

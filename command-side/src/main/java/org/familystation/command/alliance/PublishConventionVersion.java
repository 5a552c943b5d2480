package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.events.common.Alliance;
import org.familystation.platform.error.DomainException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * An alliance publishes a new version of its convention (发布联盟公约新版本).
 *
 * @param gracePeriod how long admitted members have to sign it: more than zero, at most {@link #MAX_GRACE_PERIOD}
 * @param summary     what changed
 */
public record PublishConventionVersion(
        Alliance alliance,
        String conventionVersion,
        Duration gracePeriod,
        String summary) implements ScopedCommand {

    static final int MAX_VERSION = 50;
    static final int MAX_SUMMARY = 2_000;
    static final Duration MAX_GRACE_PERIOD = Duration.ofDays(366);

    public PublishConventionVersion {
        Objects.requireNonNull(alliance, "alliance");
        conventionVersion = Rules.requiredText(conventionVersion, MAX_VERSION,
                AllianceRefusals.CONVENTION_VERSION_INVALID, "conventionVersion");
        if (gracePeriod == null || !allowed(gracePeriod)) {
            throw DomainException.refuseField(AllianceRefusals.GRACE_PERIOD_INVALID, "gracePeriod", gracePeriod);
        }
        summary = Rules.requiredText(summary, MAX_SUMMARY, AllianceRefusals.CONVENTION_SUMMARY_INVALID, "summary");
    }

    /**
     * The command from what a client sent.
     *
     * @param alliance    the alliance's name, exactly (it names the convention's stream)
     * @param gracePeriod an ISO-8601 duration such as {@code P30D}
     */
    public static PublishConventionVersion read(String alliance, String conventionVersion, String gracePeriod,
                                                String summary) {
        Alliance named = Rules.oneOf(Alliance.class, alliance, AllianceRefusals.ALLIANCE_UNKNOWN, "alliance");
        if (!named.name().equals(alliance)) {
            // As the stream's id, " PUBLIC_WELFARE" was never the same alliance: refused as before.
            throw DomainException.refuseField(AllianceRefusals.ALLIANCE_UNKNOWN, "alliance", alliance);
        }
        return new PublishConventionVersion(named, conventionVersion, gracePeriod(gracePeriod), summary);
    }

    /** The stream of the alliance's convention: one per alliance, named by it. */
    @TargetAggregateIdentifier
    public String conventionId() {
        return alliance.name();
    }

    private static Duration gracePeriod(String text) {
        try {
            Duration gracePeriod = Duration.parse(text == null ? "" : text.strip());
            if (allowed(gracePeriod)) {
                return gracePeriod;
            }
        } catch (DateTimeParseException notADuration) {
            // refused below
        }
        // The text as sent, not the duration it was read into, is what the client recognises.
        throw DomainException.refuseField(AllianceRefusals.GRACE_PERIOD_INVALID, "gracePeriod", text);
    }

    private static boolean allowed(Duration gracePeriod) {
        return !gracePeriod.isNegative() && !gracePeriod.isZero() && gracePeriod.compareTo(MAX_GRACE_PERIOD) <= 0;
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }
}

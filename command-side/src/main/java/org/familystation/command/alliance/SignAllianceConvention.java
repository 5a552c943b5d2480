package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * An approved organisation signs a version of the alliance convention (签署联盟公约).
 *
 * @param conventionVersion the version, trimmed; whether the alliance published it is the member's to decide
 * @param signedAt          when it was signed (business time)
 */
public record SignAllianceConvention(
        @TargetAggregateIdentifier String memberId,
        String conventionVersion,
        String signatory,
        Instant signedAt) implements ScopedCommand {

    static final int MAX_SIGNATORY = 50;

    public SignAllianceConvention {
        if (conventionVersion == null) {
            throw DomainException.refuseField(AllianceRefusals.CONVENTION_VERSION_UNKNOWN, "conventionVersion",
                    (Object) null);
        }
        conventionVersion = conventionVersion.strip();
        signatory = Rules.requiredText(signatory, MAX_SIGNATORY, AllianceRefusals.SIGNATORY_INVALID, "signatory");
        Objects.requireNonNull(signedAt, "signedAt");
    }

    /**
     * The command from what a client sent.
     *
     * @param signedAt when it was signed; now when not given
     */
    public static SignAllianceConvention read(String memberId, String conventionVersion, String signatory,
                                              Instant signedAt, Clock clock) {
        return new SignAllianceConvention(memberId, conventionVersion, signatory,
                Rules.happenedAt(signedAt, clock, "signedAt"));
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }
}

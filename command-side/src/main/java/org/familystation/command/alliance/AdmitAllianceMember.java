package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Admit an approved organisation that signed the current convention (准予入盟).
 *
 * @param admittedAt when it was admitted (business time)
 */
public record AdmitAllianceMember(@TargetAggregateIdentifier String memberId, Instant admittedAt)
        implements ScopedCommand {

    public AdmitAllianceMember {
        Objects.requireNonNull(admittedAt, "admittedAt");
    }

    /**
     * The command from what a client sent.
     *
     * @param admittedAt when it was admitted; now when not given
     */
    public static AdmitAllianceMember read(String memberId, Instant admittedAt, Clock clock) {
        return new AdmitAllianceMember(memberId, Rules.happenedAt(admittedAt, clock, "admittedAt"));
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }
}

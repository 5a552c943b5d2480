package org.familystation.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.events.common.FundingSource;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import static org.familystation.command.funding.FundingRefusals.*;

/**
 * Record funds received (资金到账), as read from what was sent by {@link #read}.
 *
 * @param donor the donor, or the programme the money comes under
 */
public record ReceiveFunds(
        @TargetAggregateIdentifier String fundId,
        FundingSource source,
        String donor,
        Amount amount,
        Instant receivedAt,
        String note) implements ScopedCommand {

    static final int MAX_DONOR = 100;
    static final int MAX_NOTE = 1_000;

    public ReceiveFunds {
        fundId = Rules.uuid(fundId, CommonRefusals.ID_INVALID, "fundId");
        Objects.requireNonNull(source, "source");
        donor = Rules.requiredText(donor, MAX_DONOR, DONOR_INVALID, "donor");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receivedAt, "receivedAt");
        note = Rules.optionalText(note, MAX_NOTE, TEXT_TOO_LONG, "note");
    }

    /**
     * The command from what a client sent (the API's body, a spreadsheet row).
     *
     * @param source    FEDERATION_SPECIAL_FUNDS, SOCIAL_DONATION, VENTURE_PHILANTHROPY_SUBSIDY, GOVERNMENT_PURCHASE
     *                  or ASSOCIATION_FUNDRAISING
     * @param amountFen the amount in fen
     */
    public static ReceiveFunds read(String fundId, String source, String donor, Long amountFen, Instant receivedAt,
                                    String note, Clock clock) {
        return new ReceiveFunds(fundId, Rules.oneOf(FundingSource.class, source, SOURCE_UNKNOWN, "source"), donor,
                Amount.of(amountFen),
                Rules.notInFuture(receivedAt, clock, RECEIVED_AT_REQUIRED, RECEIVED_IN_FUTURE, "receivedAt"), note);
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }
}

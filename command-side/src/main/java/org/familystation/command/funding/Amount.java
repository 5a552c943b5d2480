package org.familystation.command.funding;

import org.familystation.events.common.Fen;
import org.familystation.platform.error.DomainException;

import static org.familystation.command.funding.FundingRefusals.AMOUNT_NOT_POSITIVE;
import static org.familystation.command.funding.FundingRefusals.AMOUNT_REQUIRED;
import static org.familystation.command.funding.FundingRefusals.AMOUNT_TOO_LARGE;

/**
 * An amount of money received, allocated or spent, in whole fen (the API refuses fractions where it reads the JSON,
 * {@link WholeFen}): more than zero, at most {@link #MAX_FEN}.
 */
public record Amount(long fen) {

    /** 10^12 fen (¥10 billion): far above any real receipt, and keeps sums over many funds far from overflow. */
    public static final long MAX_FEN = 1_000_000_000_000L;

    public Amount {
        if (fen <= 0) {
            throw DomainException.refuseField(AMOUNT_NOT_POSITIVE, "amountFen", fen);
        }
        if (fen > MAX_FEN) {
            throw DomainException.refuseField(AMOUNT_TOO_LARGE, "amountFen", Fen.yuan(MAX_FEN));
        }
    }

    /** The amount as sent; a missing one is refused. */
    public static Amount of(Long fen) {
        if (fen == null) {
            throw DomainException.refuseField(AMOUNT_REQUIRED, "amountFen");
        }
        return new Amount(fen);
    }
}

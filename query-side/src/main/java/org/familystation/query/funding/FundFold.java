package org.familystation.query.funding;

import org.familystation.events.funding.AllocationReleased;
import org.familystation.events.funding.ExpenditureRecorded;
import org.familystation.events.funding.FundEvent;
import org.familystation.events.funding.FundsAllocated;
import org.familystation.events.funding.FundsReceived;

/**
 * What each event of a fund does to its balances: the one statement of these rules, which {@link FundingProjection}
 * persists in {@code rm_fund} and the network as of a date folds in memory.
 */
public final class FundFold {

    private FundFold() {
    }

    /**
     * The fund after {@code event}. Null {@code fund}: not received (yet); then only its receipt makes one, and
     * every other event leaves it null. A fund received again is not made again.
     */
    public static FundState evolve(FundState fund, FundEvent event) {
        if (event instanceof FundsReceived received) {
            return fund != null ? fund : new FundState(received.fundId(), received.source(), received.donor(),
                    received.note(), received.receivedAt(), received.recordedAt(), received.amountFen(), 0, 0);
        }
        if (fund == null) {
            return null;
        }
        if (event instanceof FundsAllocated allocated) {
            return balances(fund, fund.allocatedFen() + allocated.amountFen(), fund.spentFen());
        } else if (event instanceof ExpenditureRecorded spent) {
            return balances(fund, fund.allocatedFen(), fund.spentFen() + spent.amountFen());
        } else if (event instanceof AllocationReleased released) {
            // Released money counts as never allocated.
            return balances(fund, fund.allocatedFen() - released.amountFen(), fund.spentFen());
        }
        return fund;
    }

    private static FundState balances(FundState fund, long allocatedFen, long spentFen) {
        return new FundState(fund.fundId(), fund.source(), fund.donor(), fund.note(), fund.receivedAt(),
                fund.recordedAt(), fund.receivedFen(), allocatedFen, spentFen);
    }
}

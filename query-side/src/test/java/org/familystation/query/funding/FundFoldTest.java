package org.familystation.query.funding;

import org.familystation.events.common.FundingSource;
import org.familystation.events.funding.AllocationReleased;
import org.familystation.events.funding.ExpenditureRecorded;
import org.familystation.events.funding.FundEvent;
import org.familystation.events.funding.FundsAllocated;
import org.familystation.events.funding.FundsReceived;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a fund's events, the balances they leave ({@link FundFold}). */
class FundFoldTest {

    private static final Instant RECEIVED = Instant.parse("2024-03-10T02:00:00Z");
    private static final Instant LATER = Instant.parse("2024-04-01T02:00:00Z");
    private static final FundsReceived RECEIPT = new FundsReceived("f-1", FundingSource.SOCIAL_DONATION, "爱心企业",
            2_000_000, RECEIVED, "年度捐赠", RECEIVED);
    private static final FundsAllocated ALLOCATION = new FundsAllocated("f-1", "a-1", "st-1", "幸福驿站", "玄武区",
            null, null, 1_200_000, null, LATER);
    private static final ExpenditureRecorded EXPENDITURE = new ExpenditureRecorded("f-1", "a-1", "e-1", 200_000,
            "购买图书", LATER, null, LATER);

    @Test
    void aReceiptMakesAFundWithNothingAllocated() {
        FundState fund = fold(RECEIPT);

        assertThat(fund).isEqualTo(new FundState("f-1", FundingSource.SOCIAL_DONATION, "爱心企业", "年度捐赠", RECEIVED,
                RECEIVED, 2_000_000, 0, 0));
        assertThat(fund.unallocatedFen()).isEqualTo(2_000_000);
    }

    @Test
    void allocationsAndExpendituresAddUp() {
        FundState fund = fold(RECEIPT, ALLOCATION, EXPENDITURE, EXPENDITURE);

        assertThat(fund.allocatedFen()).isEqualTo(1_200_000);
        assertThat(fund.spentFen()).isEqualTo(400_000);
        assertThat(fund.unallocatedFen()).isEqualTo(800_000);
    }

    @Test
    void releasedMoneyCountsAsNeverAllocated() {
        FundState fund = fold(RECEIPT, ALLOCATION, EXPENDITURE,
                new AllocationReleased("f-1", "a-1", 1_000_000, "年度结余退回", LATER));

        assertThat(fund.allocatedFen()).isEqualTo(200_000);
        assertThat(fund.spentFen()).isEqualTo(200_000);
        assertThat(fund.unallocatedFen()).isEqualTo(1_800_000);
    }

    @Test
    void aFundIsReceivedOnceAndAnUnknownOneHasNoBalances() {
        assertThat(fold(RECEIPT, ALLOCATION, RECEIPT)).isEqualTo(fold(RECEIPT, ALLOCATION));
        assertThat(fold(ALLOCATION)).isNull();
    }

    private static FundState fold(FundEvent... events) {
        FundState fund = null;
        for (FundEvent event : events) {
            fund = FundFold.evolve(fund, event);
        }
        return fund;
    }
}

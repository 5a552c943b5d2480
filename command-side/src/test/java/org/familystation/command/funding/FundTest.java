package org.familystation.command.funding;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.command.servicerecord.ServiceProjectCatalogue;
import org.familystation.command.station.InMemoryStationRegistry;
import org.familystation.events.common.FundingSource;
import org.familystation.events.common.StationPoint;
import org.familystation.events.funding.AllocationReleased;
import org.familystation.events.funding.ExpenditureRecorded;
import org.familystation.events.funding.FundsAllocated;
import org.familystation.events.funding.FundsReceived;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import static org.familystation.command.common.CommonRefusals.STATION_UNKNOWN;
import static org.familystation.command.funding.FundingRefusals.*;

class FundTest {

    private static final String FUND = "9d1e6c2a-4b3f-4e5d-8a7b-1c2d3e4f5a6b";
    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String CLOSED_STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a02";
    private static final String ALLOCATION = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String PROJECT_ALLOCATION = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e";
    private static final String EXPENDITURE = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    private static final Instant RECEIVED = Instant.parse("2026-11-02T01:30:00Z");
    private static final Instant ALLOCATED = Instant.parse("2026-11-10T02:00:00Z");
    private static final Instant SPENT = Instant.parse("2026-11-18T06:00:00Z");

    private AggregateTestFixture<Fund> fixture;

    @BeforeEach
    void setUp() {
        InMemoryStationRegistry stations = new InMemoryStationRegistry()
                .open(STATION, "home-1", EnumSet.allOf(StationPoint.class))
                .open(CLOSED_STATION, "home-2", EnumSet.allOf(StationPoint.class))
                .closed(CLOSED_STATION);
        fixture = new AggregateTestFixture<>(Fund.class);
        fixture.registerInjectableResource(stations);
        fixture.registerInjectableResource(new ServiceProjectCatalogue());
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    /** ¥10,000.00 of social donation from 南京爱心基金会. */
    private static FundsReceived received() {
        return new FundsReceived(FUND, FundingSource.SOCIAL_DONATION, "南京爱心基金会", 1_000_000, RECEIVED,
                "2026 年度驿站运营捐赠", FixedClock.NOW);
    }

    /** ¥6,000.00 of it to the station. */
    private static FundsAllocated allocatedToStation() {
        return new FundsAllocated(FUND, ALLOCATION, STATION, "梅园新村家庭驿站", "玄武区", null, null, 600_000, null,
                ALLOCATED);
    }

    private static ReceiveFunds receive(String source, String donor, Long amountFen, Instant receivedAt) {
        return ReceiveFunds.read(FUND, source, donor, amountFen, receivedAt, "2026 年度驿站运营捐赠",
                FixedClock.CLOCK);
    }

    private static AllocateFunds allocate(String allocationId, String stationId, String projectCode, Long amountFen) {
        return AllocateFunds.read(FUND, allocationId, stationId, projectCode, amountFen, null, ALLOCATED,
                FixedClock.CLOCK);
    }

    private static RecordExpenditure spend(Long amountFen) {
        return RecordExpenditure.read(FUND, ALLOCATION, EXPENDITURE, amountFen, "购买亲子阅读图书", SPENT, "记-2026-118",
                FixedClock.CLOCK);
    }

    private static ExpenditureRecorded spent(String expenditureId, long amountFen) {
        return new ExpenditureRecorded(FUND, ALLOCATION, expenditureId, amountFen, "购买亲子阅读图书", SPENT, "记-2026-118",
                FixedClock.NOW);
    }

    /** Money is received, then allocated, then spent, then released: in the world's order. */
    @Nested
    class BusinessDates {

        @Test
        void refusesAnAllocationBeforeTheMoneyWasReceived() {
            fixture.given(received())
                    .when(AllocateFunds.read(FUND, ALLOCATION, STATION, null, 600_000L, null,
                            RECEIVED.minusSeconds(86_400), FixedClock.CLOCK))
                    .expectException(Refused.with(ALLOCATED_BEFORE_RECEIVED, "allocatedAt"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAllocationToAStationBeforeItOpened() {
            fixture.given(new FundsReceived(FUND, FundingSource.SOCIAL_DONATION, "南京爱心基金会", 1_000_000,
                            Instant.parse("2014-03-01T00:00:00Z"), null, FixedClock.NOW))
                    .when(AllocateFunds.read(FUND, ALLOCATION, STATION, null, 600_000L, null,
                            Instant.parse("2014-04-01T00:00:00Z"), FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_NOT_OPEN, "stationId"))
                    .expectNoEvents();
        }

        @Test
        void refusesSpendingBeforeTheAllocation() {
            fixture.given(received(), allocatedToStation())
                    .when(RecordExpenditure.read(FUND, ALLOCATION, EXPENDITURE, 100L, "购买亲子阅读图书",
                            ALLOCATED.minusSeconds(60), null, FixedClock.CLOCK))
                    .expectException(Refused.with(SPENT_BEFORE_ALLOCATED, "spentAt"))
                    .expectNoEvents();
        }

        @Test
        void refusesAReleaseBeforeTheLatestExpenditure() {
            fixture.given(received(), allocatedToStation(), spent(EXPENDITURE, 100_000))
                    .when(ReleaseAllocation.read(FUND, ALLOCATION, "项目结束", SPENT.minusSeconds(60),
                            FixedClock.CLOCK))
                    .expectException(Refused.with(RELEASED_BEFORE_LAST_CHANGE, "releasedAt"))
                    .expectNoEvents();
        }

        @Test
        void releasesOnTheDateGiven() {
            fixture.given(received(), allocatedToStation(), spent(EXPENDITURE, 100_000))
                    .when(ReleaseAllocation.read(FUND, ALLOCATION, "项目结束", SPENT.plusSeconds(60), FixedClock.CLOCK))
                    .expectEvents(new AllocationReleased(FUND, ALLOCATION, 500_000, "项目结束", SPENT.plusSeconds(60)));
        }
    }

    @Nested
    class Receiving {

        @Test
        void recordsTheFundsWithSourceDonorAndAmountInFen() {
            fixture.givenNoPriorActivity()
                    .when(receive("SOCIAL_DONATION", " 南京爱心基金会 ", 1_000_000L, RECEIVED))
                    .expectEvents(received());
        }

        @Test
        void acceptsTheLargestAmount() {
            fixture.givenNoPriorActivity()
                    .when(receive("FEDERATION_SPECIAL_FUNDS", "驿站建设专项", Amount.MAX_FEN, RECEIVED))
                    .expectSuccessfulHandlerExecution();
        }

    }

    @Nested
    class Allocating {

        @Test
        void allocatesToAStationWithItsNameAndDistrictOfTheTime() {
            fixture.given(received())
                    .when(allocate(ALLOCATION, STATION, null, 600_000L))
                    .expectEvents(allocatedToStation());
        }

        @Test
        void allocatesToAServiceProjectOfTheCatalogue() {
            fixture.given(received())
                    .when(AllocateFunds.read(FUND, PROJECT_ALLOCATION, null, "FAMILY_EDUCATION", 400_000L, "家庭教育讲座",
                            null, FixedClock.CLOCK))
                    .expectEvents(new FundsAllocated(FUND, PROJECT_ALLOCATION, null, null, null, "FAMILY_EDUCATION",
                            "家庭教育", 400_000, "家庭教育讲座", FixedClock.NOW));
        }

        @Test
        void mayAllocateExactlyWhatIsLeft() {
            fixture.given(received(), allocatedToStation())
                    .when(allocate(PROJECT_ALLOCATION, null, "LEGAL_AID", 400_000L))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesToAllocateMoreThanIsUnallocatedAndSaysHowMuchIsLeft() {
            fixture.given(received(), allocatedToStation())
                    .when(allocate(PROJECT_ALLOCATION, null, "LEGAL_AID", 400_001L))
                    .expectException(Refused.with(ALLOCATION_EXCEEDS_UNALLOCATED, "amountFen"))
                    .expectExceptionMessage("ALLOCATION_EXCEEDS_UNALLOCATED: the allocation of ¥4,000.01 exceeds"
                            + " the fund's unallocated balance of ¥4,000.00")
                    .expectNoEvents();
        }

        @Test
        void countsMoneyReleasedBackAsUnallocatedAgain() {
            fixture.given(received(), allocatedToStation(), spent(EXPENDITURE, 100_000),
                            new AllocationReleased(FUND, ALLOCATION, 500_000, "项目结束", FixedClock.NOW))
                    .when(allocate(PROJECT_ALLOCATION, null, "LEGAL_AID", 900_000L))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAnUnknownStation() {
            fixture.given(received())
                    .when(allocate(ALLOCATION, "no-such-station", null, 600_000L))
                    .expectException(Refused.with(STATION_UNKNOWN, "stationId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAStationThatIsNotOpen() {
            fixture.given(received())
                    .when(allocate(ALLOCATION, CLOSED_STATION, null, 600_000L))
                    .expectException(Refused.with(STATION_NOT_OPEN, "stationId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProjectOutsideTheCatalogue() {
            fixture.given(received())
                    .when(allocate(ALLOCATION, null, "KARAOKE", 600_000L))
                    .expectException(Refused.with(PROJECT_UNKNOWN, "projectCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAllocationIdAlreadyUsedInTheFund() {
            fixture.given(received(), allocatedToStation())
                    .when(allocate(ALLOCATION, STATION, null, 100_000L))
                    .expectException(Refused.with(ALLOCATION_ID_ALREADY_USED, "allocationId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownFund() {
            fixture.givenNoPriorActivity()
                    .when(allocate(ALLOCATION, STATION, null, 100_000L))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Spending {

        @Test
        void recordsAnExpenditureAgainstTheAllocation() {
            fixture.given(received(), allocatedToStation())
                    .when(spend(120_050L))
                    .expectEvents(spent(EXPENDITURE, 120_050));
        }

        @Test
        void maySpendExactlyWhatIsLeft() {
            fixture.given(received(), allocatedToStation(), spent("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6f", 100_000))
                    .when(spend(500_000L))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesToSpendMoreThanTheAllocationHasLeft() {
            fixture.given(received(), allocatedToStation(), spent("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6f", 100_000))
                    .when(spend(500_001L))
                    .expectException(Refused.with(EXPENDITURE_EXCEEDS_ALLOCATION, "amountFen"))
                    .expectExceptionMessage("EXPENDITURE_EXCEEDS_ALLOCATION: the expenditure of ¥5,000.01 exceeds"
                            + " the allocation's remaining ¥5,000.00")
                    .expectNoEvents();
        }

        @Test
        void refusesToSpendTheFundsUnallocatedMoney() {
            // The fund has ¥4,000.00 unallocated, but the allocation only ¥6,000.00.
            fixture.given(received(), allocatedToStation())
                    .when(spend(600_001L))
                    .expectException(Refused.with(EXPENDITURE_EXCEEDS_ALLOCATION, "amountFen"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownAllocation() {
            fixture.given(received(), allocatedToStation())
                    .when(RecordExpenditure.read(FUND, PROJECT_ALLOCATION, EXPENDITURE, 100L, "购买图书", SPENT, null,
                            FixedClock.CLOCK))
                    .expectException(Refused.with(ALLOCATION_UNKNOWN, "allocationId"))
                    .expectNoEvents();
        }

        @Test
        void acceptsATimeWithinTheClockTolerance() {
            fixture.given(received(), allocatedToStation())
                    .when(RecordExpenditure.read(FUND, ALLOCATION, EXPENDITURE, 100L, "购买图书",
                            FixedClock.NOW.plus(Duration.ofMinutes(2)), null, FixedClock.CLOCK))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAnExpenditureIdAlreadyRecorded() {
            fixture.given(received(), allocatedToStation(), spent(EXPENDITURE, 100))
                    .when(spend(100L))
                    .expectException(Refused.with(EXPENDITURE_ID_ALREADY_USED, "expenditureId"))
                    .expectNoEvents();
        }

        @Test
        void refusesToSpendAgainstAReleasedAllocation() {
            fixture.given(received(), allocatedToStation(),
                            new AllocationReleased(FUND, ALLOCATION, 600_000, "项目取消", FixedClock.NOW))
                    .when(spend(100L))
                    .expectException(Refused.with(ALLOCATION_RELEASED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Releasing {

        @Test
        void returnsWhatIsUnspentToTheFund() {
            fixture.given(received(), allocatedToStation(), spent(EXPENDITURE, 120_050))
                    .when(ReleaseAllocation.read(FUND, ALLOCATION, "年度结余退回", null, FixedClock.CLOCK))
                    .expectEvents(new AllocationReleased(FUND, ALLOCATION, 479_950, "年度结余退回", FixedClock.NOW));
        }

        @Test
        void refusesAnAllocationAlreadyReleased() {
            fixture.given(received(), allocatedToStation(),
                            new AllocationReleased(FUND, ALLOCATION, 600_000, "项目取消", FixedClock.NOW))
                    .when(ReleaseAllocation.read(FUND, ALLOCATION, "再次退回", null, FixedClock.CLOCK))
                    .expectException(Refused.with(ALLOCATION_RELEASED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownAllocation() {
            fixture.given(received())
                    .when(ReleaseAllocation.read(FUND, ALLOCATION, "项目取消", null, FixedClock.CLOCK))
                    .expectException(Refused.with(ALLOCATION_UNKNOWN, "allocationId"))
                    .expectNoEvents();
        }
    }
}

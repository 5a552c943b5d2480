package org.familystation.command.funding;

import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.FixedClock;
import org.familystation.events.common.FundingSource;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.command.funding.FundingRefusals.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What funding commands refuse without looking at any fund: read at the edge, before a command is sent. */
class FundingInputTest {

    private static final String FUND = "9d1e6c2a-4b3f-4e5d-8a7b-1c2d3e4f5a6b";
    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String ALLOCATION = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String EXPENDITURE = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    private static final Instant RECEIVED = Instant.parse("2026-11-02T01:30:00Z");
    private static final Instant SPENT = Instant.parse("2026-11-18T06:00:00Z");
    private static final Instant TOMORROW = FixedClock.NOW.plus(Duration.ofDays(1));

    private static void assertRefused(Refusal refusal, String field, Executable reading) {
        DomainException refused = assertThrows(DomainException.class, reading);
        assertThat(refused.refusal()).isEqualTo(refusal);
        assertThat(refused.field().orElse(null)).isEqualTo(field);
    }

    private static ReceiveFunds receive(String source, String donor, Long amountFen, Instant receivedAt) {
        return ReceiveFunds.read(FUND, source, donor, amountFen, receivedAt, null, FixedClock.CLOCK);
    }

    private static AllocateFunds allocate(String stationId, String projectCode, Long amountFen) {
        return AllocateFunds.read(FUND, ALLOCATION, stationId, projectCode, amountFen, null, RECEIVED,
                FixedClock.CLOCK);
    }

    private static RecordExpenditure spend(Long amountFen, String purpose, Instant spentAt, String voucher) {
        return RecordExpenditure.read(FUND, ALLOCATION, EXPENDITURE, amountFen, purpose, spentAt, voucher,
                FixedClock.CLOCK);
    }

    @Nested
    class Amounts {

        @ParameterizedTest
        @ValueSource(longs = {0, -1, -100_000})
        void refusesAnAmountThatIsNotPositive(long amountFen) {
            assertRefused(AMOUNT_NOT_POSITIVE, "amountFen", () -> Amount.of(amountFen));
        }

        @Test
        void refusesAMissingAmount() {
            assertRefused(AMOUNT_REQUIRED, "amountFen", () -> Amount.of(null));
        }

        @ParameterizedTest
        @ValueSource(longs = {1_000_000_000_001L, Long.MAX_VALUE})
        void refusesAnAbsurdlyLargeAmount(long amountFen) {
            assertRefused(AMOUNT_TOO_LARGE, "amountFen", () -> Amount.of(amountFen));
        }

        @Test
        void acceptsOneFenAndTheLargestAmount() {
            assertThat(Amount.of(1L).fen()).isEqualTo(1);
            assertThat(Amount.of(Amount.MAX_FEN).fen()).isEqualTo(Amount.MAX_FEN);
        }

        @Test
        void everyCommandReadsItsAmountSo() {
            assertRefused(AMOUNT_NOT_POSITIVE, "amountFen", () -> receive("SOCIAL_DONATION", "基金会", 0L, RECEIVED));
            assertRefused(AMOUNT_TOO_LARGE, "amountFen", () -> allocate(STATION, null, Long.MAX_VALUE));
            assertRefused(AMOUNT_REQUIRED, "amountFen", () -> spend(null, "购买图书", SPENT, null));
        }
    }

    @Nested
    class Receiving {

        @Test
        void readsTheSourceAndTrimsTheDonor() {
            ReceiveFunds command = receive("SOCIAL_DONATION", " 南京爱心基金会 ", 1_000_000L, RECEIVED);
            assertThat(command.source()).isEqualTo(FundingSource.SOCIAL_DONATION);
            assertThat(command.donor()).isEqualTo("南京爱心基金会");
            assertThat(command.amount()).isEqualTo(new Amount(1_000_000));
        }

        @Test
        void refusesAnUnknownSource() {
            assertRefused(SOURCE_UNKNOWN, "source", () -> receive("LOTTERY", "南京爱心基金会", 1_000_000L, RECEIVED));
        }

        @Test
        void refusesAMissingSource() {
            assertRefused(SOURCE_UNKNOWN, "source", () -> receive(null, "南京爱心基金会", 1_000_000L, RECEIVED));
        }

        @Test
        void refusesABlankDonor() {
            assertRefused(DONOR_INVALID, "donor", () -> receive("SOCIAL_DONATION", "  ", 1_000_000L, RECEIVED));
        }

        @Test
        void refusesADonorNameOverAHundredCharacters() {
            assertRefused(DONOR_INVALID, "donor",
                    () -> receive("SOCIAL_DONATION", "字".repeat(101), 1_000_000L, RECEIVED));
        }

        @Test
        void refusesFundsReceivedInTheFuture() {
            assertRefused(RECEIVED_IN_FUTURE, "receivedAt",
                    () -> receive("SOCIAL_DONATION", "南京爱心基金会", 1_000_000L, TOMORROW));
        }

        @Test
        void refusesAMissingReceiptTime() {
            assertRefused(RECEIVED_AT_REQUIRED, "receivedAt",
                    () -> receive("SOCIAL_DONATION", "南京爱心基金会", 1_000_000L, null));
        }

        @Test
        void refusesAnIdThatIsNotALowerCaseUuid() {
            assertRefused(CommonRefusals.ID_INVALID, "fundId", () -> ReceiveFunds.read("fund-1", "SOCIAL_DONATION",
                    "南京爱心基金会", 1_000_000L, RECEIVED, null, FixedClock.CLOCK));
        }

        @Test
        void refusesANoteOverAThousandCharacters() {
            assertRefused(TEXT_TOO_LONG, "note", () -> ReceiveFunds.read(FUND, "SOCIAL_DONATION", "南京爱心基金会",
                    1_000_000L, RECEIVED, "字".repeat(1_001), FixedClock.CLOCK));
        }
    }

    @Nested
    class Allocating {

        @Test
        void refusesAnAllocationWithoutATarget() {
            assertRefused(TARGET_INVALID, null, () -> allocate(null, " ", 600_000L));
        }

        @Test
        void refusesAnAllocationToBothAStationAndAProject() {
            assertRefused(TARGET_INVALID, null, () -> allocate(STATION, "LEGAL_AID", 600_000L));
        }

        @Test
        void trimsTheStationAndTakesNowWhenNoDateIsGiven() {
            AllocateFunds command = AllocateFunds.read(FUND, ALLOCATION, " " + STATION + " ", "", 100L, null, null,
                    FixedClock.CLOCK);
            assertThat(command.stationId()).isEqualTo(STATION);
            assertThat(command.projectCode()).isNull();
            assertThat(command.allocatedAt()).isEqualTo(FixedClock.NOW);
        }

        @Test
        void refusesAnAllocationDatedInTheFuture() {
            assertRefused(CommonRefusals.HAPPENED_IN_FUTURE, "allocatedAt", () -> AllocateFunds.read(FUND,
                    ALLOCATION, STATION, null, 100L, null, TOMORROW, FixedClock.CLOCK));
        }

        @Test
        void refusesAnAllocationIdThatIsNotALowerCaseUuid() {
            assertRefused(CommonRefusals.ID_INVALID, "allocationId", () -> AllocateFunds.read(FUND,
                    ALLOCATION.toUpperCase(), STATION, null, 100_000L, null, RECEIVED, FixedClock.CLOCK));
        }

        @Test
        void refusesANoteOverAThousandCharacters() {
            assertRefused(TEXT_TOO_LONG, "note", () -> AllocateFunds.read(FUND, ALLOCATION, STATION, null, 100L,
                    "字".repeat(1_001), RECEIVED, FixedClock.CLOCK));
        }
    }

    @Nested
    class Spending {

        @Test
        void refusesAnExpenditureWithoutAPurpose() {
            assertRefused(PURPOSE_INVALID, "purpose", () -> spend(100L, null, SPENT, null));
        }

        @Test
        void refusesAPurposeOverFiveHundredCharacters() {
            assertRefused(PURPOSE_INVALID, "purpose", () -> spend(100L, "字".repeat(501), SPENT, null));
        }

        @Test
        void refusesAnExpenditureInTheFuture() {
            assertRefused(SPENT_IN_FUTURE, "spentAt",
                    () -> spend(100L, "购买图书", FixedClock.NOW.plus(Duration.ofHours(1)), null));
        }

        @Test
        void acceptsATimeWithinTheClockTolerance() {
            Instant soon = FixedClock.NOW.plus(Duration.ofMinutes(2));
            assertThat(spend(100L, "购买图书", soon, null).spentAt()).isEqualTo(soon);
        }

        @Test
        void refusesAMissingTime() {
            assertRefused(SPENT_AT_REQUIRED, "spentAt", () -> spend(100L, "购买图书", null, null));
        }

        @Test
        void refusesAVoucherNumberOverFiftyCharacters() {
            assertRefused(TEXT_TOO_LONG, "voucherNumber", () -> spend(100L, "购买图书", SPENT, "9".repeat(51)));
        }

        @Test
        void refusesAnExpenditureIdThatIsNotALowerCaseUuid() {
            assertRefused(CommonRefusals.ID_INVALID, "expenditureId", () -> RecordExpenditure.read(FUND, ALLOCATION,
                    "spent-1", 100L, "购买图书", SPENT, null, FixedClock.CLOCK));
        }
    }

    @Nested
    class Releasing {

        @Test
        void refusesAReleaseWithoutAReason() {
            assertRefused(REASON_REQUIRED, "reason",
                    () -> ReleaseAllocation.read(FUND, ALLOCATION, "", null, FixedClock.CLOCK));
        }

        @Test
        void refusesAReleaseDatedInTheFuture() {
            assertRefused(CommonRefusals.HAPPENED_IN_FUTURE, "releasedAt",
                    () -> ReleaseAllocation.read(FUND, ALLOCATION, "项目结束", TOMORROW, FixedClock.CLOCK));
        }

        @Test
        void takesNowWhenNoDateIsGiven() {
            assertThat(ReleaseAllocation.read(FUND, ALLOCATION, "项目结束", null, FixedClock.CLOCK).releasedAt())
                    .isEqualTo(FixedClock.NOW);
        }
    }
}

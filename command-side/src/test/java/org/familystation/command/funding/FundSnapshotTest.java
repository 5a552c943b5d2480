package org.familystation.command.funding;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.command.servicerecord.ServiceProjectCatalogue;
import org.familystation.command.snapshot.SnapshotReplay;
import org.familystation.command.station.InMemoryStationRegistry;
import org.familystation.events.common.FundingSource;
import org.familystation.events.funding.AllocationReleased;
import org.familystation.events.funding.ExpenditureRecorded;
import org.familystation.events.funding.FundsAllocated;
import org.familystation.events.funding.FundsReceived;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.command.funding.FundingRefusals.ALLOCATION_RELEASED;
import static org.familystation.command.funding.FundingRefusals.EXPENDITURE_EXCEEDS_ALLOCATION;
import static org.familystation.command.funding.FundingRefusals.EXPENDITURE_ID_ALREADY_USED;

/**
 * A fund with many expenditures read from a snapshot plus the events after it is the fund read from its whole
 * stream: the same balances and known expenditures, and the same decisions on the next commands.
 */
class FundSnapshotTest {

    private static final String FUND = "9d1e6c2a-4b3f-4e5d-8a7b-1c2d3e4f5a6b";
    private static final String OPEN = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String RELEASED = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e";
    private static final Instant RECEIVED = Instant.parse("2026-11-02T01:30:00Z");
    private static final Instant SPENT = Instant.parse("2026-11-18T06:00:00Z");
    private static final int EXPENDITURES = 120;

    private static String expenditure(int i) {
        return UUID.nameUUIDFromBytes(("expenditure-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * ¥10,000.00 received; ¥6,000.00 to the station, spent ¥10.00 at a time 120 times (¥4,800.00 left); ¥1,000.00
     * to a project, ¥100.00 of it spent, the rest released.
     */
    private static List<Object> busyHistory() {
        List<Object> history = new ArrayList<>(List.of(
                new FundsReceived(FUND, FundingSource.SOCIAL_DONATION, "南京爱心基金会", 1_000_000,
                        RECEIVED, null, FixedClock.NOW),
                new FundsAllocated(FUND, OPEN, "station", "梅园新村家庭驿站", "玄武区", null, null, 600_000, null,
                        RECEIVED),
                new FundsAllocated(FUND, RELEASED, null, null, null, "FAMILY_EDUCATION", "家庭教育", 100_000, null,
                        RECEIVED),
                new ExpenditureRecorded(FUND, RELEASED, expenditure(-1), 10_000, "讲座场地", SPENT, null,
                        FixedClock.NOW),
                new AllocationReleased(FUND, RELEASED, 90_000, "项目结束", FixedClock.NOW)));
        for (int i = 0; i < EXPENDITURES; i++) {
            history.add(new ExpenditureRecorded(FUND, OPEN, expenditure(i), 1_000, "亲子阅读图书", SPENT, null,
                    FixedClock.NOW));
        }
        return history;
    }

    private record Next(RecordExpenditure command, Consumer<ResultValidator<Fund>> expected) {
    }

    private static RecordExpenditure spend(String allocation, String expenditureId, long amountFen) {
        return new RecordExpenditure(FUND, allocation, expenditureId, new Amount(amountFen), "亲子阅读图书", SPENT, null);
    }

    private static final List<Next> NEXT_COMMANDS = List.of(
            new Next(spend(OPEN, expenditure(7), 1_000), result -> result.expectException(
                    Refused.with(EXPENDITURE_ID_ALREADY_USED, "expenditureId"))),
            new Next(spend(OPEN, expenditure(EXPENDITURES), 480_001), result -> result.expectException(
                    Refused.with(EXPENDITURE_EXCEEDS_ALLOCATION, "amountFen"))),
            new Next(spend(OPEN, expenditure(EXPENDITURES), 480_000), result -> result.expectEvents(
                    new ExpenditureRecorded(FUND, OPEN, expenditure(EXPENDITURES), 480_000, "亲子阅读图书", SPENT,
                            null, FixedClock.NOW))),
            new Next(spend(RELEASED, expenditure(EXPENDITURES), 1), result -> result.expectException(
                    Refused.with(ALLOCATION_RELEASED))));

    @ParameterizedTest(name = "snapshot after {0} events")
    @ValueSource(ints = {1, 3, 5, 64, 100, 124})
    void aSnapshotPlusTheLaterEventsIsTheWholeStream(int eventsBefore) {
        List<Object> history = busyHistory();
        Fund whole = SnapshotReplay.fromEvents(Fund.class, history);
        Fund fromSnapshot = SnapshotReplay.fromSnapshot(Fund.class, history, eventsBefore);

        assertThat(fromSnapshot).usingRecursiveComparison().isEqualTo(whole);
        assertThat(whole).extracting("unallocatedFen").isEqualTo(390_000L);
        assertThat(new String(SnapshotReplay.snapshot(whole).getData(), StandardCharsets.UTF_8))
                .contains("\"unallocatedFen\":390000", "\"spentFen\":120000", expenditure(EXPENDITURES - 1));

        for (Next next : NEXT_COMMANDS) {
            next.expected().accept(fixture().given(history).when(next.command()));
            next.expected().accept(fixture()
                    .givenState(() -> SnapshotReplay.fromSnapshot(Fund.class, history, eventsBefore))
                    .when(next.command()));
        }
    }

    private static AggregateTestFixture<Fund> fixture() {
        AggregateTestFixture<Fund> fixture = new AggregateTestFixture<>(Fund.class);
        fixture.registerInjectableResource(new InMemoryStationRegistry());
        fixture.registerInjectableResource(new ServiceProjectCatalogue());
        fixture.registerInjectableResource(FixedClock.CLOCK);
        return fixture;
    }
}

package org.familystation.query.funding;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.familystation.events.common.FundingSource;
import org.familystation.events.funding.AllocationReleased;
import org.familystation.events.funding.ExpenditureRecorded;
import org.familystation.events.funding.FundsAllocated;
import org.familystation.events.funding.FundsReceived;
import org.familystation.query.common.CounterParts;
import org.familystation.query.common.ProjectionBatches;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.ReadStoreTest;
import org.familystation.query.common.SegmentsSideBySide;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funding projection on the real PostgreSQL: balances and counters, months in the users' calendar, that a
 * redelivered event (after a crash or a segment changing hands) changes nothing, and that four segments applying
 * their batches side by side write what one segment writes.
 */
@ReadStoreTest
class FundingProjectionTest {

    /** Counters kept for processors of four segments, as the tests below apply them with up to four. */
    private static final CounterParts PARTS = new CounterParts(4);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FundingProjection projection;
    @Autowired
    private ProjectionBatches batches;

    private final String district = "测试区-" + UUID.randomUUID().toString().substring(0, 8);
    private final String fund = UUID.randomUUID().toString();
    private final String allocation = UUID.randomUUID().toString();

    @Autowired
    FundingProjectionTest(JdbcTemplate jdbc, TransactionTemplate transactions, QueryProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.projection = new FundingProjection(jdbc, properties, PARTS);
    }

    private void deliver(Runnable handler, int times) {
        for (int i = 0; i < times; i++) {
            transactions.executeWithoutResult(status -> handler.run());
        }
    }

    private Map<String, Object> fundRow() {
        return jdbc.queryForMap("SELECT received_fen, allocated_fen, spent_fen, unallocated_fen, last_sequence"
                + " FROM rm_fund WHERE fund_id = ?", fund);
    }

    private Map<String, Object> allocationRow() {
        return jdbc.queryForMap("SELECT allocated_fen, spent_fen, remaining_fen, released_fen, released"
                + " FROM rm_fund_allocation WHERE fund_id = ? AND allocation_id = ?", fund, allocation);
    }

    /** The district's counters by month: allocated and spent. */
    private Map<String, Object> stats(String month) {
        return jdbc.queryForMap("SELECT CAST(coalesce(sum(allocated_fen), 0) AS BIGINT) AS allocated,"
                + " CAST(coalesce(sum(spent_fen), 0) AS BIGINT) AS spent FROM rm_funding_stats"
                + " WHERE district = ? AND month = ?", district, month);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        // 2019-03-31T16:30Z is already 1 April in Nanjing: the allocation counts in April.
        FundsReceived received = new FundsReceived(fund, FundingSource.GOVERNMENT_PURCHASE, "区民政局购买服务项目",
                2_000_000, Instant.parse("2019-03-10T02:00:00Z"), null, Instant.parse("2019-03-10T02:00:00Z"));
        FundsAllocated allocated = new FundsAllocated(fund, allocation, "station", "测试驿站", district, null, null,
                1_200_000, null, Instant.parse("2019-03-31T16:30:00Z"));
        ExpenditureRecorded spent = new ExpenditureRecorded(fund, allocation, UUID.randomUUID().toString(), 200_000,
                "购买图书", Instant.parse("2019-05-06T02:00:00Z"), null, Instant.parse("2019-05-06T03:00:00Z"));
        AllocationReleased releasedBack = new AllocationReleased(fund, allocation, 1_000_000, "年度结余退回",
                Instant.parse("2019-12-31T02:00:00Z"));

        deliver(() -> projection.on(received, fund, 0), 2);
        deliver(() -> projection.on(allocated, fund, 1), 2);
        deliver(() -> projection.on(spent, fund, 2), 2);
        deliver(() -> projection.on(received, fund, 0), 1);
        deliver(() -> projection.on(allocated, fund, 1), 1);

        assertThat(fundRow()).containsEntry("received_fen", 2_000_000L).containsEntry("allocated_fen", 1_200_000L)
                .containsEntry("spent_fen", 200_000L).containsEntry("unallocated_fen", 800_000L)
                .containsEntry("last_sequence", 2L);
        assertThat(allocationRow()).containsEntry("allocated_fen", 1_200_000L).containsEntry("spent_fen", 200_000L)
                .containsEntry("remaining_fen", 1_000_000L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_fund_expenditure WHERE fund_id = ?", Long.class,
                fund)).isEqualTo(1);
        assertThat(stats("2019-04")).containsEntry("allocated", 1_200_000L).containsEntry("spent", 0L);
        assertThat(stats("2019-05")).containsEntry("allocated", 0L).containsEntry("spent", 200_000L);
        assertThat(jdbc.queryForObject("SELECT received_fen FROM rm_funding_stats"
                + " WHERE source = 'GOVERNMENT_PURCHASE' AND month = '2019-03' AND district = '' AND part = ?",
                Long.class, PARTS.of(fund))).isEqualTo(2_000_000L);

        // Released money counts as never allocated, in the month it was allocated in.
        deliver(() -> projection.on(releasedBack, fund, 3), 2);
        assertThat(fundRow()).containsEntry("allocated_fen", 200_000L).containsEntry("unallocated_fen", 1_800_000L);
        assertThat(allocationRow()).containsEntry("allocated_fen", 200_000L).containsEntry("remaining_fen", 0L)
                .containsEntry("released_fen", 1_000_000L).containsEntry("released", true);
        assertThat(stats("2019-04")).containsEntry("allocated", 200_000L);
    }

    @Test
    void fourSegmentsSideBySideWriteWhatOneSegmentWrites() throws Exception {
        List<DomainEventMessage<?>> history = history(60);
        List<Object> written = new SegmentsSideBySide(batches, transactions).assertFourWriteWhatOneWrites(projection,
                history, 20, () -> List.of(rows(), mix()), this::clear);
        assertThat((List<?>) written.get(1)).as("funding mix").isNotEmpty();
    }

    /**
     * Funds of every source received in 2003 (a year no other test of the read store uses), each allocated to the
     * three stations of the district in two months, spent from and partly released; the funds' events interleaved.
     */
    private List<DomainEventMessage<?>> history(int funds) {
        Instant start = Instant.parse("2003-01-06T02:00:00Z");
        List<List<DomainEventMessage<?>>> perFund = new ArrayList<>();
        for (int i = 0; i < funds; i++) {
            String fundId = UUID.randomUUID().toString();
            List<Object> events = new ArrayList<>();
            FundingSource source = FundingSource.values()[i % FundingSource.values().length];
            events.add(new FundsReceived(fundId, source, "捐赠方" + i, 1_000_000 + i, start.plus(i, ChronoUnit.DAYS),
                    null, start.plus(i, ChronoUnit.DAYS)));
            for (int station = 0; station < 3; station++) {
                String allocationId = UUID.randomUUID().toString();
                Instant allocatedAt = start.plus(30L * (1 + (i + station) % 2), ChronoUnit.DAYS);
                events.add(new FundsAllocated(fundId, allocationId, "station-" + station, "测试驿站", district, null,
                        null, 100_000 + i, null, allocatedAt));
                events.add(new ExpenditureRecorded(fundId, allocationId, UUID.randomUUID().toString(), 30_000 + i,
                        "购买图书", allocatedAt.plus(3, ChronoUnit.DAYS), null, allocatedAt.plus(3, ChronoUnit.DAYS)));
                if ((i + station) % 2 == 0) {
                    events.add(new AllocationReleased(fundId, allocationId, 70_000, "年度结余退回",
                            allocatedAt.plus(60, ChronoUnit.DAYS)));
                }
            }
            List<DomainEventMessage<?>> messages = new ArrayList<>();
            for (int sequence = 0; sequence < events.size(); sequence++) {
                messages.add(new GenericDomainEventMessage<>("Fund", fundId, sequence, events.get(sequence)));
            }
            perFund.add(messages);
        }
        List<DomainEventMessage<?>> history = new ArrayList<>();
        for (int step = 0; history.size() < perFund.stream().mapToInt(List::size).sum(); step++) {
            for (List<DomainEventMessage<?>> fund : perFund) {
                if (step < fund.size()) {
                    history.add(fund.get(step));
                }
            }
        }
        return history;
    }

    /** The funding mix by source and month, summed over stations and parts as the dashboard reads it. */
    private List<Map<String, Object>> mix() {
        return jdbc.queryForList("SELECT source, month, sum(received_fen) AS received, sum(allocated_fen) AS allocated,"
                + " sum(spent_fen) AS spent FROM rm_funding_stats WHERE month LIKE '2003-%'"
                + " AND (district = ? OR district = '') GROUP BY source, month"
                + " HAVING sum(received_fen) <> 0 OR sum(allocated_fen) <> 0 OR sum(spent_fen) <> 0"
                + " ORDER BY source, month", district);
    }

    /** Every row the district's funds have in the funding read model. */
    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        rows.addAll(SegmentsSideBySide.rows(jdbc, "SELECT * FROM rm_fund WHERE fund_id IN (" + FUNDS + ")",
                district));
        rows.addAll(SegmentsSideBySide.rows(jdbc, "SELECT * FROM rm_fund_allocation WHERE district = ?", district));
        rows.addAll(SegmentsSideBySide.rows(jdbc, "SELECT * FROM rm_fund_expenditure WHERE fund_id IN (" + FUNDS
                + ")", district));
        rows.addAll(SegmentsSideBySide.rows(jdbc, "SELECT * FROM rm_funding_stats WHERE month LIKE '2003-%'"));
        return rows;
    }

    /** The funds allocated to the district's stations. */
    private static final String FUNDS = "SELECT fund_id FROM rm_fund_allocation WHERE district = ?";

    private void clear() {
        jdbc.update("DELETE FROM rm_fund_expenditure WHERE fund_id IN (" + FUNDS + ")", district);
        jdbc.update("DELETE FROM rm_fund WHERE fund_id IN (" + FUNDS + ")", district);
        jdbc.update("DELETE FROM rm_fund_allocation WHERE district = ?", district);
        jdbc.update("DELETE FROM rm_funding_stats WHERE month LIKE '2003-%'");
    }
}

package org.familystation.query.funding;

import org.familystation.events.common.FundingSource;
import org.familystation.events.funding.AllocationReleased;
import org.familystation.events.funding.ExpenditureRecorded;
import org.familystation.events.funding.FundsAllocated;
import org.familystation.events.funding.FundsReceived;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.ReadStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funding projection on the real PostgreSQL: balances and counters, months in the users' calendar, and that a
 * redelivered event (after a crash or a segment changing hands) changes nothing.
 */
@ReadStoreTest
class FundingProjectionTest {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FundingProjection projection;

    private final String district = "测试区-" + UUID.randomUUID().toString().substring(0, 8);
    private final String fund = UUID.randomUUID().toString();
    private final String allocation = UUID.randomUUID().toString();

    @Autowired
    FundingProjectionTest(JdbcTemplate jdbc, TransactionTemplate transactions, QueryProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.projection = new FundingProjection(jdbc, properties);
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

        deliver(() -> projection.on(received, 0), 2);
        deliver(() -> projection.on(allocated, 1), 2);
        deliver(() -> projection.on(spent, 2), 2);
        deliver(() -> projection.on(received, 0), 1);
        deliver(() -> projection.on(allocated, 1), 1);

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
                + " WHERE source = 'GOVERNMENT_PURCHASE' AND month = '2019-03' AND district = ''", Long.class))
                .isEqualTo(2_000_000L);

        // Released money counts as never allocated, in the month it was allocated in.
        deliver(() -> projection.on(releasedBack, 3), 2);
        assertThat(fundRow()).containsEntry("allocated_fen", 200_000L).containsEntry("unallocated_fen", 1_800_000L);
        assertThat(allocationRow()).containsEntry("allocated_fen", 200_000L).containsEntry("remaining_fen", 0L)
                .containsEntry("released_fen", 1_000_000L).containsEntry("released", true);
        assertThat(stats("2019-04")).containsEntry("allocated", 200_000L);
    }
}

package org.familystation.query.funding;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.familystation.events.common.FundingSource;
import org.familystation.events.funding.AllocationReleased;
import org.familystation.events.funding.ExpenditureRecorded;
import org.familystation.events.funding.FundEvent;
import org.familystation.events.funding.FundsAllocated;
import org.familystation.events.funding.FundsReceived;
import org.familystation.query.common.CounterParts;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds {@code rm_fund} (each event applied to the fund its row holds by {@link FundFold}),
 * {@code rm_fund_allocation}, {@code rm_fund_expenditure} and the funding-mix counters in {@code rm_funding_stats}.
 * Every event first moves its fund's {@code last_sequence} forward; only if it did (the event is news) does it write
 * anything else, so a redelivered event never counts twice. Each event's writes are
 * one savepoint ({@link org.familystation.query.common.ProjectionBatches}): if a handler fails and the event goes to
 * the dead-letter queue, none of its writes stay behind. A fund's events count in the part of the counters of its
 * aggregate ({@link CounterParts}), so that segments never write the same counter row.
 */
@Component
@ProcessingGroup(ProcessingGroups.FUNDS)
public class FundingProjection {

    /**
     * The district and the station of counters that belong to no station: money received, and allocations to
     * projects.
     */
    static final String NO_DISTRICT = "";
    static final String NO_STATION = "";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final JdbcTemplate jdbc;
    private final QueryProperties properties;
    private final CounterParts parts;

    public FundingProjection(JdbcTemplate jdbc, QueryProperties properties, CounterParts parts) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.parts = parts;
    }

    @EventHandler
    void on(FundsReceived event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        received(event, parts.of(aggregateId), sequence);
    }

    @EventHandler
    void on(FundsAllocated event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        allocated(event, parts.of(aggregateId), sequence);
    }

    @EventHandler
    void on(ExpenditureRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        spent(event, parts.of(aggregateId), sequence);
    }

    @EventHandler
    void on(AllocationReleased event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        released(event, parts.of(aggregateId), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_fund_expenditure");
        jdbc.update("DELETE FROM rm_fund_allocation");
        jdbc.update("DELETE FROM rm_fund");
        jdbc.update("DELETE FROM rm_funding_stats");
    }

    private void received(FundsReceived event, short part, long sequence) {
        FundState fund = FundFold.evolve(null, event);
        int inserted = jdbc.update("""
                INSERT INTO rm_fund (fund_id, source, donor, note, received_at, recorded_at, received_fen,
                                     allocated_fen, spent_fen, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (fund_id) DO NOTHING""",
                fund.fundId(), fund.source().name(), fund.donor(), fund.note(), Sql.timestamp(fund.receivedAt()),
                Sql.timestamp(fund.recordedAt()), fund.receivedFen(), fund.allocatedFen(), fund.spentFen(), sequence);
        if (inserted == 1) {
            count(part, event.source().name(), event.receivedAt(), NO_DISTRICT, NO_STATION, event.amountFen(), 0, 0);
        }
    }

    private void allocated(FundsAllocated event, short part, long sequence) {
        FundState fund = advance(event, sequence);
        if (fund == null) {
            return;
        }
        String source = fund.source().name();
        jdbc.update("""
                INSERT INTO rm_fund_allocation (fund_id, allocation_id, source, station_id, station_name, district,
                                                project_code, project_name, note, allocated_at, allocated_fen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.fundId(), event.allocationId(), source, event.stationId(), event.stationName(),
                event.district(), event.projectCode(), event.projectName(), event.note(),
                Sql.timestamp(event.allocatedAt()), event.amountFen());
        count(part, source, event.allocatedAt(), orNone(event.district()), orNone(event.stationId()), 0,
                event.amountFen(), 0);
    }

    private void spent(ExpenditureRecorded event, short part, long sequence) {
        if (advance(event, sequence) == null) {
            return;
        }
        AllocationRow allocation = updateAllocation(event.fundId(), event.allocationId(),
                "spent_fen = spent_fen + ?", event.amountFen());
        jdbc.update("""
                INSERT INTO rm_fund_expenditure (fund_id, allocation_id, expenditure_id, amount_fen, purpose, spent_at,
                                                 voucher_number, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                event.fundId(), event.allocationId(), event.expenditureId(), event.amountFen(), event.purpose(),
                Sql.timestamp(event.spentAt()), event.voucherNumber(), Sql.timestamp(event.recordedAt()));
        count(part, allocation.source(), event.spentAt(), allocation.district(), allocation.stationId(), 0, 0,
                event.amountFen());
    }

    private void released(AllocationReleased event, short part, long sequence) {
        if (advance(event, sequence) == null) {
            return;
        }
        AllocationRow allocation = updateAllocation(event.fundId(), event.allocationId(), """
                        allocated_fen = allocated_fen - ?, released_fen = released_fen + ?, released = TRUE,
                        release_reason = ?, released_at = ?""",
                event.amountFen(), event.amountFen(), event.reason(), Sql.timestamp(event.releasedAt()));
        // Released money counts as never allocated: it leaves the month it was allocated in.
        count(part, allocation.source(), allocation.allocatedAt(), allocation.district(), allocation.stationId(), 0,
                -event.amountFen(), 0);
    }

    /**
     * Applies the event to the fund's row by {@link FundFold} and moves it to {@code sequence}, if the event is news
     * to it.
     *
     * @return the fund after the event, or null when the event was already reflected (nothing written)
     */
    private FundState advance(FundEvent event, long sequence) {
        FundState before = jdbc.query("SELECT * FROM rm_fund WHERE fund_id = ? AND last_sequence < ? FOR UPDATE",
                (row, index) -> new FundState(event.fundId(), FundingSource.valueOf(row.getString("source")),
                        row.getString("donor"), row.getString("note"), Sql.instant(row, "received_at"),
                        Sql.instant(row, "recorded_at"), row.getLong("received_fen"), row.getLong("allocated_fen"),
                        row.getLong("spent_fen")),
                event.fundId(), sequence).stream().findFirst().orElse(null);
        if (before == null) {
            return null;
        }
        FundState after = FundFold.evolve(before, event);
        jdbc.update("UPDATE rm_fund SET allocated_fen = ?, spent_fen = ?, last_sequence = ? WHERE fund_id = ?",
                after.allocatedFen(), after.spentFen(), sequence, after.fundId());
        return after;
    }

    private AllocationRow updateAllocation(String fundId, String allocationId, String set, Object... values) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        arguments.add(fundId);
        arguments.add(allocationId);
        return jdbc.queryForObject("UPDATE rm_fund_allocation SET " + set
                        + " WHERE fund_id = ? AND allocation_id = ? RETURNING source, district, station_id, allocated_at",
                (row, index) -> new AllocationRow(row.getString("source"), orNone(row.getString("district")),
                        orNone(row.getString("station_id")), Sql.instant(row, "allocated_at")), arguments.toArray());
    }

    /**
     * Adds the amounts to the station's counters of the month in {@code part}; kept per station and part, summed
     * when read.
     */
    private void count(short part, String source, Instant when, String district, String stationId, long receivedFen,
                       long allocatedFen, long spentFen) {
        jdbc.update("""
                INSERT INTO rm_funding_stats (source, month, district, station_id, part, received_fen, allocated_fen,
                                              spent_fen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source, month, district, station_id, part) DO UPDATE SET
                    received_fen = rm_funding_stats.received_fen + EXCLUDED.received_fen,
                    allocated_fen = rm_funding_stats.allocated_fen + EXCLUDED.allocated_fen,
                    spent_fen = rm_funding_stats.spent_fen + EXCLUDED.spent_fen""",
                source, MONTH.format(when.atZone(properties.getTimeZone())), district, stationId, part, receivedFen,
                allocatedFen, spentFen);
    }

    /** The district or station, or none ({@link #NO_DISTRICT}, {@link #NO_STATION}) for an allocation to a project. */
    private static String orNone(String value) {
        return value == null ? "" : value;
    }

    private record AllocationRow(String source, String district, String stationId, Instant allocatedAt) {
    }
}

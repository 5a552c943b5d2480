package org.familystation.query.funding;

import org.familystation.events.common.FundingSource;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.PagedQuery;
import org.familystation.query.common.Paging;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.common.Sql;
import org.familystation.query.reach.Reach;
import org.familystation.query.reach.Reaches;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Funds, their allocations and expenditures, and what each station was allocated: balances in fen. */
@RestController
public class FundQueryController {

    private static final RowMapper<FundView> FUND = (row, index) -> {
        FundingSource source = FundingSource.valueOf(row.getString("source"));
        return new FundView(row.getString("fund_id"), source, source.label(), row.getString("donor"),
                row.getString("note"), Sql.instant(row, "received_at"), Sql.instant(row, "recorded_at"),
                row.getLong("received_fen"), row.getLong("allocated_fen"), row.getLong("spent_fen"),
                row.getLong("unallocated_fen"), null);
    };

    private static final RowMapper<AllocationView> ALLOCATION = (row, index) -> {
        FundingSource source = FundingSource.valueOf(row.getString("source"));
        return new AllocationView(row.getString("fund_id"), row.getString("allocation_id"), source, source.label(),
                row.getString("station_id"), row.getString("station_name"), row.getString("district"),
                row.getString("project_code"), row.getString("project_name"), row.getString("note"),
                Sql.instant(row, "allocated_at"), row.getLong("allocated_fen"), row.getLong("spent_fen"),
                row.getLong("remaining_fen"), row.getLong("released_fen"), row.getBoolean("released"),
                row.getString("release_reason"), Sql.instant(row, "released_at"), null);
    };

    private static final RowMapper<ExpenditureView> EXPENDITURE = (row, index) -> new ExpenditureView(
            row.getString("fund_id"), row.getString("allocation_id"), row.getString("expenditure_id"),
            row.getLong("amount_fen"), row.getString("purpose"), Sql.instant(row, "spent_at"),
            row.getString("voucher_number"), Sql.instant(row, "recorded_at"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Reaches reaches;

    public FundQueryController(NamedParameterJdbcTemplate jdbc, Reaches reaches) {
        this.jdbc = jdbc;
        this.reaches = reaches;
    }

    /** Allocations to projects are network-wide; an allocation to a station is in reach with its station. */
    private String allocationInReach(MapSqlParameterSource parameters) {
        Reach reach = reaches.current();
        return "((station_id IS NULL AND " + reach.network() + ") OR " + reach.stations("station_id", parameters)
                + ")";
    }

    /** Funds, most recently received first. */
    @GetMapping("/api/funds")
    public PageOf<FundView> funds(@RequestParam(required = false) FundingSource source,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("source", source == null ? null : source.name());
        return PagedQuery.page(jdbc, "rm_fund", "WHERE (CAST(:source AS VARCHAR) IS NULL OR source = :source) AND "
                        + reaches.current().network(),
                "received_at DESC, fund_id", parameters, Paging.of(page, size), FUND);
    }

    /** One fund with its allocations. */
    @GetMapping("/api/funds/{fundId}")
    public FundView fund(@PathVariable String fundId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("fund", fundId);
        FundView fund = jdbc.query("SELECT * FROM rm_fund WHERE fund_id = :fund AND " + reaches.current().network(),
                        parameters, FUND).stream()
                .findFirst().orElseThrow(() -> DomainException.refuse(QueryRefusals.FUND_NOT_FOUND, fundId));
        return fund.withAllocations(jdbc.query("SELECT * FROM rm_fund_allocation WHERE fund_id = :fund"
                + " ORDER BY allocated_at, allocation_id", parameters, ALLOCATION));
    }

    /** One allocation with its expenditures. */
    @GetMapping("/api/funds/{fundId}/allocations/{allocationId}")
    public AllocationView allocation(@PathVariable String fundId, @PathVariable String allocationId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("fund", fundId)
                .addValue("allocation", allocationId);
        AllocationView allocation = jdbc.query("SELECT * FROM rm_fund_allocation WHERE fund_id = :fund"
                        + " AND allocation_id = :allocation AND " + allocationInReach(parameters), parameters,
                        ALLOCATION).stream()
                .findFirst().orElseThrow(() ->
                        DomainException.refuse(QueryRefusals.ALLOCATION_NOT_FOUND, fundId, allocationId));
        return allocation.withExpenditures(jdbc.query("SELECT * FROM rm_fund_expenditure"
                + " WHERE fund_id = :fund AND allocation_id = :allocation ORDER BY spent_at, expenditure_id",
                parameters, EXPENDITURE));
    }

    @GetMapping("/api/funds/{fundId}/allocations/{allocationId}/expenditures/{expenditureId}")
    public ExpenditureView expenditure(@PathVariable String fundId, @PathVariable String allocationId,
                                       @PathVariable String expenditureId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("fund", fundId)
                .addValue("allocation", allocationId).addValue("expenditure", expenditureId);
        return jdbc.query("""
                                SELECT * FROM rm_fund_expenditure e
                                WHERE fund_id = :fund AND allocation_id = :allocation AND expenditure_id = :expenditure
                                  AND EXISTS (SELECT 1 FROM rm_fund_allocation a WHERE a.fund_id = e.fund_id
                                              AND a.allocation_id = e.allocation_id AND\s"""
                                + allocationInReach(parameters) + ")", parameters, EXPENDITURE).stream()
                .findFirst().orElseThrow(() -> DomainException.refuse(QueryRefusals.EXPENDITURE_NOT_FOUND,
                        expenditureId));
    }

    /** What a station was allocated, newest first, and its balances. */
    @GetMapping("/api/stations/{stationId}/funding")
    public StationFunding stationFunding(@PathVariable String stationId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("station", stationId);
        String inReach = reaches.current().stations("station_id", parameters);
        List<AllocationView> allocations = jdbc.query("SELECT * FROM rm_fund_allocation WHERE station_id = :station"
                + " AND " + inReach + " ORDER BY allocated_at DESC, fund_id, allocation_id", parameters, ALLOCATION);
        if (allocations.isEmpty() && jdbc.queryForList("SELECT 1 FROM rm_station WHERE station_id = :station AND "
                + inReach, parameters, Integer.class).isEmpty()) {
            throw DomainException.refuse(QueryRefusals.STATION_NOT_FOUND, stationId);
        }
        return new StationFunding(stationId,
                allocations.stream().mapToLong(AllocationView::allocatedFen).sum(),
                allocations.stream().mapToLong(AllocationView::spentFen).sum(),
                allocations.stream().mapToLong(AllocationView::remainingFen).sum(),
                allocations.stream().mapToLong(AllocationView::releasedFen).sum(),
                allocations);
    }
}

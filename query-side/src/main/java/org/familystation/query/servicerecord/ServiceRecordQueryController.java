package org.familystation.query.servicerecord;

import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.StationPoint;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.PagedQuery;
import org.familystation.query.common.Paging;
import org.familystation.query.common.Period;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.common.Sql;
import org.familystation.query.reach.Reaches;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** Service records: one record, and a station's records in a period. */
@RestController
public class ServiceRecordQueryController {

    private static final RowMapper<ServiceRecordView> ROW = (row, index) -> {
        StationPoint point = StationPoint.valueOf(row.getString("station_point"));
        return new ServiceRecordView(row.getString("service_record_id"), row.getString("station_id"),
                row.getString("station_name"), row.getString("district"), point, point.label(),
                row.getString("project_code"), row.getString("project_name"),
                ProviderKind.valueOf(row.getString("provider_kind")), row.getString("provider_member_id"),
                row.getString("provider_name"), Sql.instant(row, "delivered_at"), row.getInt("participant_count"),
                row.getString("description"), row.getString("outcome"), Sql.integer(row, "satisfaction"),
                row.getString("feedback"), Sql.instant(row, "recorded_at"), row.getInt("correction_count"),
                row.getBoolean("voided"), row.getString("void_reason"));
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final QueryProperties properties;
    private final Reaches reaches;

    public ServiceRecordQueryController(NamedParameterJdbcTemplate jdbc, QueryProperties properties,
                                        Reaches reaches) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.reaches = reaches;
    }

    @GetMapping("/api/service-records/{serviceRecordId}")
    public ServiceRecordView record(@PathVariable String serviceRecordId) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", serviceRecordId);
        String inReach = reaches.current().stations("station_id", id);
        return jdbc.query("SELECT * FROM rm_service_record WHERE service_record_id = :id AND " + inReach, id, ROW)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(QueryRefusals.SERVICE_RECORD_NOT_FOUND, serviceRecordId));
    }

    /** A station's records, newest first; {@code from} and {@code to} are days (both included). */
    @GetMapping("/api/stations/{stationId}/service-records")
    public PageOf<ServiceRecordView> stationRecords(
            @PathVariable String stationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean includeVoided,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Period period = Period.ofDays(from, to, properties.getTimeZone());
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("station", stationId)
                .addValue("start", Sql.timestamp(period.start()))
                .addValue("end", Sql.timestamp(period.end()))
                .addValue("includeVoided", includeVoided);
        String inReach = reaches.current().stations("station_id", parameters);
        return PagedQuery.page(jdbc, "rm_service_record", """
                        WHERE station_id = :station
                          AND (CAST(:start AS TIMESTAMPTZ) IS NULL OR delivered_at >= :start)
                          AND (CAST(:end AS TIMESTAMPTZ) IS NULL OR delivered_at < :end)
                          AND (:includeVoided OR NOT voided)
                          AND\s""" + inReach,
                "delivered_at DESC, service_record_id", parameters, Paging.of(page, size), ROW);
    }
}

package org.familystation.query.people;

import org.familystation.platform.error.DomainException;
import org.familystation.platform.personaldata.Phones;
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
import java.util.Locale;

/** Volunteers: a filtered list, one volunteer with their totals, and their hours service by service. */
@RestController
public class VolunteerQueryController {

    private static final RowMapper<VolunteerView> ROW = (row, index) -> new VolunteerView(
            row.getString("volunteer_id"), row.getString("name"), row.getString("volunteer_number"),
            Phones.forCurrentUser(row.getString("phone")), row.getString("home_unit_id"),
            row.getString("home_unit_name"), row.getString("district"), Sql.instant(row, "registered_at"),
            row.getLong("minutes"), Hours.of(row.getLong("minutes")), row.getInt("services"));

    private static final RowMapper<VolunteerHoursEntry> ENTRY = (row, index) -> new VolunteerHoursEntry(
            row.getString("service_record_id"), row.getString("station_id"), row.getString("station_name"),
            row.getString("district"), row.getString("project_code"), row.getString("project_name"),
            Sql.instant(row, "delivered_at"), row.getInt("minutes"), Hours.of(row.getInt("minutes")),
            Sql.instant(row, "recorded_at"));

    private final NamedParameterJdbcTemplate jdbc;
    private final QueryProperties properties;
    private final Reaches reaches;

    public VolunteerQueryController(NamedParameterJdbcTemplate jdbc, QueryProperties properties, Reaches reaches) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.reaches = reaches;
    }

    /**
     * @param district        the district of the volunteer's home unit
     * @param volunteerNumber exactly this number (any case)
     * @param name            names containing this text
     */
    @GetMapping("/api/volunteers")
    public PageOf<VolunteerView> volunteers(@RequestParam(required = false) String district,
                                            @RequestParam(required = false) String homeUnitId,
                                            @RequestParam(required = false) String volunteerNumber,
                                            @RequestParam(required = false) String name,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "20") int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("district", district)
                .addValue("home", homeUnitId)
                .addValue("number", volunteerNumber == null ? null
                        : volunteerNumber.strip().toUpperCase(Locale.ROOT))
                .addValue("name", Sql.containing(name));
        String inReach = reaches.current().units("home_unit_id", parameters);
        return PagedQuery.page(jdbc, "rm_volunteer", """
                        WHERE (CAST(:district AS VARCHAR) IS NULL OR district = :district)
                          AND (CAST(:home AS VARCHAR) IS NULL OR home_unit_id = :home)
                          AND (CAST(:number AS VARCHAR) IS NULL OR volunteer_number = :number)
                          AND (CAST(:name AS VARCHAR) IS NULL OR name LIKE :name)
                          AND\s""" + inReach,
                "name, volunteer_number", parameters, Paging.of(page, size), ROW);
    }

    @GetMapping("/api/volunteers/{volunteerId}")
    public VolunteerView volunteer(@PathVariable String volunteerId) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", volunteerId);
        String inReach = reaches.current().units("home_unit_id", id);
        return jdbc.query("SELECT * FROM rm_volunteer WHERE volunteer_id = :id AND " + inReach, id, ROW)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(QueryRefusals.VOLUNTEER_NOT_FOUND, volunteerId));
    }

    /** A volunteer's hours, latest service first; {@code from} and {@code to} are days of delivery (both included). */
    @GetMapping("/api/volunteers/{volunteerId}/hours")
    public PageOf<VolunteerHoursEntry> hours(
            @PathVariable String volunteerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Period period = Period.ofDays(from, to, properties.getTimeZone());
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("volunteer", volunteerId)
                .addValue("start", Sql.timestamp(period.start()))
                .addValue("end", Sql.timestamp(period.end()));
        // Hours count where the service was delivered, whoever the volunteer.
        String inReach = reaches.current().stations("station_id", parameters);
        return PagedQuery.page(jdbc, "rm_volunteer_hours", """
                        WHERE volunteer_id = :volunteer AND NOT voided
                          AND (CAST(:start AS TIMESTAMPTZ) IS NULL OR delivered_at >= :start)
                          AND (CAST(:end AS TIMESTAMPTZ) IS NULL OR delivered_at < :end)
                          AND\s""" + inReach,
                "delivered_at DESC, service_record_id", parameters, Paging.of(page, size), ENTRY);
    }
}

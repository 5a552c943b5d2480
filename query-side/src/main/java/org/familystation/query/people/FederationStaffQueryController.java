package org.familystation.query.people;

import org.familystation.events.common.UnitLevel;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.personaldata.Phones;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.PagedQuery;
import org.familystation.query.common.Paging;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.common.Sql;
import org.familystation.query.reach.Reaches;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Federation staff: a list by unit or district, and one staff member. */
@RestController
public class FederationStaffQueryController {

    private static final RowMapper<FederationStaffView> ROW = (row, index) -> {
        UnitLevel level = UnitLevel.valueOf(row.getString("unit_level"));
        return new FederationStaffView(row.getString("staff_id"), row.getString("name"),
                Phones.forCurrentUser(row.getString("phone")),
                row.getString("unit_id"), row.getString("unit_name"), level, level.label(), row.getString("district"),
                Sql.instant(row, "registered_at"), row.getLong("services"));
    };

    private static final String STAFF = ServicesNamed.withServices("rm_federation_staff", "staff_id",
            ServicePeopleProjection.STAFF);

    private final NamedParameterJdbcTemplate jdbc;
    private final Reaches reaches;

    public FederationStaffQueryController(NamedParameterJdbcTemplate jdbc, Reaches reaches) {
        this.jdbc = jdbc;
        this.reaches = reaches;
    }

    @GetMapping("/api/federation-staff")
    public PageOf<FederationStaffView> staff(@RequestParam(required = false) String unitId,
                                             @RequestParam(required = false) String district,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("unit", unitId)
                .addValue("district", district);
        String inReach = reaches.current().units("unit_id", parameters);
        return PagedQuery.page(jdbc, STAFF, """
                        WHERE (CAST(:unit AS VARCHAR) IS NULL OR unit_id = :unit)
                          AND (CAST(:district AS VARCHAR) IS NULL OR district = :district)
                          AND\s""" + inReach,
                "name, staff_id", parameters, Paging.of(page, size), ROW);
    }

    @GetMapping("/api/federation-staff/{staffId}")
    public FederationStaffView member(@PathVariable String staffId) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", staffId);
        String inReach = reaches.current().units("unit_id", id);
        return jdbc.query("SELECT * FROM " + STAFF + " WHERE staff_id = :id AND " + inReach, id, ROW)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(QueryRefusals.FEDERATION_STAFF_NOT_FOUND, staffId));
    }
}

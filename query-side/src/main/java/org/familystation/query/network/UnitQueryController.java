package org.familystation.query.network;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.PagedQuery;
import org.familystation.query.common.Paging;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The network's units: a filtered list (for example a branch centre's community homes), and one unit. */
@RestController
public class UnitQueryController {

    static final RowMapper<UnitView> ROW = (row, index) -> {
        UnitLevel level = UnitLevel.valueOf(row.getString("level"));
        String tier = row.getString("tier");
        return new UnitView(row.getString("unit_id"), level, level.label(), row.getString("name"),
                row.getString("parent_id"), row.getString("district"), tier == null ? null : HomeTier.valueOf(tier),
                Sql.instant(row, "established_at"), Sql.instant(row, "rerated_at"));
    };

    private final NamedParameterJdbcTemplate jdbc;

    public UnitQueryController(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/units")
    public PageOf<UnitView> units(@RequestParam(required = false) UnitLevel level,
                                  @RequestParam(required = false) String district,
                                  @RequestParam(required = false) HomeTier tier,
                                  @RequestParam(required = false) String parentId,
                                  @RequestParam(required = false) String name,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("level", level == null ? null : level.name())
                .addValue("district", district)
                .addValue("tier", tier == null ? null : tier.name())
                .addValue("parent", parentId)
                .addValue("name", Sql.containing(name));
        return PagedQuery.page(jdbc, "rm_org_unit", """
                        WHERE (CAST(:level AS VARCHAR) IS NULL OR level = :level)
                          AND (CAST(:district AS VARCHAR) IS NULL OR district = :district)
                          AND (CAST(:tier AS VARCHAR) IS NULL OR tier = :tier)
                          AND (CAST(:parent AS VARCHAR) IS NULL OR parent_id = :parent)
                          AND (CAST(:name AS VARCHAR) IS NULL OR name LIKE :name)""",
                "level, district NULLS FIRST, name, unit_id", parameters, Paging.of(page, size), ROW);
    }

    @GetMapping("/api/units/{unitId}")
    public UnitView unit(@PathVariable String unitId) {
        return jdbc.query("SELECT * FROM rm_org_unit WHERE unit_id = :id", new MapSqlParameterSource("id", unitId), ROW)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(QueryRefusals.UNIT_NOT_FOUND, unitId));
    }
}

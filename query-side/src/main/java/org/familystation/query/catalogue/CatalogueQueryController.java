package org.familystation.query.catalogue;

import org.familystation.events.common.CatalogueKind;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The catalogues: service projects, need categories, specialty services. */
@RestController
public class CatalogueQueryController {

    /** One entry; retired entries keep their name so that history still reads. */
    public record CatalogueEntryView(String code, String name, String stationPoint, boolean retired,
                                     Instant addedAt, Instant retiredAt, String retireReason) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public CatalogueQueryController(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/catalogues/{kind}")
    public List<CatalogueEntryView> entries(@PathVariable CatalogueKind kind,
                                            @RequestParam(defaultValue = "false") boolean includeRetired) {
        return jdbc.query("""
                        SELECT * FROM rm_catalogue_entry WHERE kind = :kind AND (:includeRetired OR NOT retired)
                        ORDER BY added_at, code""",
                new MapSqlParameterSource("kind", kind.name()).addValue("includeRetired", includeRetired),
                (row, index) -> new CatalogueEntryView(row.getString("code"), row.getString("name"),
                        row.getString("station_point"), row.getBoolean("retired"), Sql.instant(row, "added_at"),
                        Sql.instant(row, "retired_at"), row.getString("retire_reason")));
    }
}

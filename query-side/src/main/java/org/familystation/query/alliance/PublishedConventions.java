package org.familystation.query.alliance;

import org.familystation.events.common.Alliance;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The published convention versions as read from {@code rm_alliance_convention}; the latest is current. */
@Component
public class PublishedConventions {

    private static final RowMapper<ConventionVersion> ROW = (row, index) -> new ConventionVersion(
            row.getString("convention_version"), row.getString("summary"), row.getString("superseded_version"),
            Sql.instant(row, "published_at"), row.getString("grace_period"), Sql.instant(row, "signature_due_by"),
            row.getBoolean("current"));

    private final JdbcTemplate jdbc;

    public PublishedConventions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An alliance's versions, newest first. */
    public List<ConventionVersion> versions(Alliance alliance) {
        return jdbc.query("""
                SELECT *, ordinal = max(ordinal) OVER () AS current FROM rm_alliance_convention
                WHERE alliance = ? ORDER BY ordinal DESC""", ROW, alliance.name());
    }

    /** The current version of each alliance that has one. */
    public Map<Alliance, ConventionVersion> current() {
        Map<Alliance, ConventionVersion> current = new EnumMap<>(Alliance.class);
        jdbc.query("""
                SELECT DISTINCT ON (alliance) *, TRUE AS current FROM rm_alliance_convention
                ORDER BY alliance, ordinal DESC""",
                row -> {
                    current.put(Alliance.valueOf(row.getString("alliance")), ROW.mapRow(row, 0));
                });
        return current;
    }
}

package org.familystation.query.alliance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.alliance.AllianceConventionPublished;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds {@code rm_alliance_convention}: one row per published version, inserted once. */
@Component
@ProcessingGroup(ProcessingGroups.ALLIANCE_CONVENTIONS)
public class AllianceConventionProjection {

    private final JdbcTemplate jdbc;

    public AllianceConventionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AllianceConventionPublished event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO rm_alliance_convention (alliance, convention_version, ordinal, summary, superseded_version,
                                                    published_at, grace_period, signature_due_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (alliance, convention_version) DO NOTHING""",
                event.alliance().name(), event.conventionVersion(), sequence, event.summary(),
                event.supersededVersion(), Sql.timestamp(event.publishedAt()), event.gracePeriod().toString(),
                Sql.timestamp(event.signatureDueBy()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_alliance_convention");
    }
}

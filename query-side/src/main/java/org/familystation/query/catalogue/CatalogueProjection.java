package org.familystation.query.catalogue;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.familystation.events.catalogue.CatalogueEntryAdded;
import org.familystation.events.catalogue.CatalogueEntryRetired;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds {@code rm_catalogue_entry}. Both writes set absolute values, so redelivery changes nothing. */
@Component
@ProcessingGroup(ProcessingGroups.NETWORK)
public class CatalogueProjection {

    private final JdbcTemplate jdbc;

    public CatalogueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CatalogueEntryAdded event) {
        jdbc.update("""
                INSERT INTO rm_catalogue_entry (kind, code, name, station_point, added_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (kind, code) DO NOTHING""",
                event.kind().name(), event.code(), event.name(),
                event.stationPoint() == null ? null : event.stationPoint().name(), Sql.timestamp(event.addedAt()));
    }

    @EventHandler
    void on(CatalogueEntryRetired event) {
        jdbc.update("UPDATE rm_catalogue_entry SET retired = TRUE, retired_at = ?, retire_reason = ?"
                        + " WHERE kind = ? AND code = ?",
                Sql.timestamp(event.retiredAt()), event.reason(), event.kind().name(), event.code());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_catalogue_entry");
    }
}

package org.familystation.command.catalogue;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.familystation.command.common.CommandRegistries;
import org.familystation.command.common.Registry;
import org.familystation.events.catalogue.CatalogueEntryAdded;
import org.familystation.events.catalogue.CatalogueEntryRetired;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.StationPoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The catalogue registry in PostgreSQL ({@code cmd_catalogue_entry}), kept by the catalogue events themselves. */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
@Registry(tables = "cmd_catalogue_entry", version = 1)
public class JdbcCatalogueRegistry implements CatalogueRegistry {

    private final JdbcTemplate jdbc;

    public JdbcCatalogueRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> find(CatalogueKind kind, String code) {
        return jdbc.query("SELECT name, station_point, retired FROM cmd_catalogue_entry WHERE kind = ? AND code = ?",
                (row, index) -> new Entry(kind, code, row.getString(1),
                        row.getString(2) == null ? null : StationPoint.valueOf(row.getString(2)), row.getBoolean(3)),
                kind.name(), code).stream().findFirst();
    }

    @EventHandler
    void on(CatalogueEntryAdded event) {
        jdbc.update("INSERT INTO cmd_catalogue_entry (kind, code, name, station_point) VALUES (?, ?, ?, ?)",
                event.kind().name(), event.code(), event.name(),
                event.stationPoint() == null ? null : event.stationPoint().name());
    }

    @EventHandler
    void on(CatalogueEntryRetired event) {
        jdbc.update("UPDATE cmd_catalogue_entry SET retired = TRUE WHERE kind = ? AND code = ?",
                event.kind().name(), event.code());
    }
}

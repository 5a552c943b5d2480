package org.familystation.command.network;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.familystation.command.common.CommandRegistries;
import org.familystation.command.common.Registry;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.network.CommunityHomeRerated;
import org.familystation.events.network.UnitEstablished;
import org.familystation.platform.error.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The unit registry in PostgreSQL ({@code cmd_org_unit}), kept by the unit events themselves. */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
@Registry(tables = "cmd_org_unit", version = 1)
public class JdbcUnitRegistry implements UnitRegistry {

    private final JdbcTemplate jdbc;

    public JdbcUnitRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UnitFacts> find(String unitId) {
        return jdbc.query("SELECT level, name, district, tier FROM cmd_org_unit WHERE unit_id = ?",
                (row, index) -> new UnitFacts(unitId, UnitLevel.valueOf(row.getString(1)), row.getString(2),
                        row.getString(3), row.getString(4) == null ? null : HomeTier.valueOf(row.getString(4))),
                unitId).stream().findFirst();
    }

    @Override
    public boolean federationExists() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM cmd_org_unit WHERE level = 'FEDERATION')", Boolean.class));
    }

    @EventHandler
    void on(UnitEstablished event) {
        try {
            jdbc.update("INSERT INTO cmd_org_unit (unit_id, level, name, parent_id, district, tier)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    event.unitId(), event.level().name(), event.name(), event.parentUnitId(), event.district(),
                    event.tier() == null ? null : event.tier().name());
        } catch (DuplicateKeyException raced) {
            // Only the one-federation index can clash here (a re-used unit id fails earlier, in the event store).
            throw DomainException.refuse(NetworkRefusals.FEDERATION_EXISTS);
        }
    }

    @EventHandler
    void on(CommunityHomeRerated event) {
        jdbc.update("UPDATE cmd_org_unit SET tier = ? WHERE unit_id = ?", event.tier().name(), event.unitId());
    }
}

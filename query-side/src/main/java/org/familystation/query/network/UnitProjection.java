package org.familystation.query.network;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.network.OrganisationUnitEvent;
import org.familystation.events.network.UnitEstablished;
import org.familystation.query.common.BatchedProjection;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.familystation.query.reach.Reaches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code rm_org_unit}: the network's units and their current tier, each event applied to the unit its row
 * holds by {@link UnitFold}.
 */
@Component
// Batched: the whole network replayed at once, units by the thousand (1,317 community homes in Nanjing alone).
@BatchedProjection
@ProcessingGroup(ProcessingGroups.NETWORK)
public class UnitProjection {

    private final JdbcTemplate jdbc;
    private final Reaches reaches;

    public UnitProjection(JdbcTemplate jdbc, Reaches reaches) {
        this.jdbc = jdbc;
        this.reaches = reaches;
    }

    @EventHandler
    void on(OrganisationUnitEvent event, @SequenceNumber long sequence) {
        UnitState before = event instanceof UnitEstablished ? null : load(event.unitId(), sequence);
        UnitState after = UnitFold.evolve(before, event);
        if (after == null) {
            return;
        }
        if (before != null) {
            jdbc.update("UPDATE rm_org_unit SET tier = ?, rerated_at = ?, last_sequence = ? WHERE unit_id = ?",
                    after.tier() == null ? null : after.tier().name(), Sql.timestamp(after.reratedAt()), sequence,
                    after.unitId());
            return;
        }
        jdbc.update("""
                INSERT INTO rm_org_unit (unit_id, level, name, parent_id, district, tier, established_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (unit_id) DO NOTHING""",
                after.unitId(), after.level().name(), after.name(), after.parentUnitId(), after.district(),
                after.tier() == null ? null : after.tier().name(), Sql.timestamp(after.establishedAt()), sequence);
        // The new unit belongs to its ancestors' subtrees, once its row is committed.
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> reaches.forget()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_org_unit");
    }

    /** The unit as its row reflects it, if the event at {@code sequence} is news to it (null otherwise). */
    private UnitState load(String unitId, long sequence) {
        return jdbc.query("SELECT * FROM rm_org_unit WHERE unit_id = ? AND last_sequence < ? FOR UPDATE",
                (row, index) -> new UnitState(unitId, UnitLevel.valueOf(row.getString("level")),
                        row.getString("name"), row.getString("parent_id"), row.getString("district"),
                        row.getString("tier") == null ? null : HomeTier.valueOf(row.getString("tier")),
                        Sql.instant(row, "established_at"), Sql.instant(row, "rerated_at")),
                unitId, sequence).stream().findFirst().orElse(null);
    }
}

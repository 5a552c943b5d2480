package org.familystation.query.network;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.familystation.events.network.CommunityHomeRerated;
import org.familystation.events.network.UnitEstablished;
import org.familystation.query.common.BatchedProjection;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.familystation.query.reach.Reaches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds {@code rm_org_unit}: the network's units and their current tier. */
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
    void on(UnitEstablished event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO rm_org_unit (unit_id, level, name, parent_id, district, tier, established_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (unit_id) DO NOTHING""",
                event.unitId(), event.level().name(), event.name(), event.parentUnitId(), event.district(),
                event.tier() == null ? null : event.tier().name(), Sql.timestamp(event.establishedAt()), sequence);
        // The new unit belongs to its ancestors' subtrees, once its row is committed.
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> reaches.forget()));
    }

    @EventHandler
    void on(CommunityHomeRerated event, @SequenceNumber long sequence) {
        Sql.updateIfNewer(jdbc, "rm_org_unit", "unit_id", event.unitId(), sequence, "tier = ?, rerated_at = ?",
                event.tier().name(), Sql.timestamp(event.ratedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_org_unit");
    }
}

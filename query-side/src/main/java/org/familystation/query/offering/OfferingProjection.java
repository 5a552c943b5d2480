package org.familystation.query.offering;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.offering.OfferingWithdrawn;
import org.familystation.events.offering.ServiceOffered;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code rm_offering}. An update applies only if its event is newer than what the row reflects, so a
 * redelivered event is a no-op.
 */
@Component
@ProcessingGroup(ProcessingGroups.OFFERINGS)
public class OfferingProjection {

    private final JdbcTemplate jdbc;

    public OfferingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ServiceOffered event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO rm_offering (offering_id, member_id, alliance, organisation_name, station_id, station_name,
                    district, station_point, project_code, project_name, pricing, price_fen, capacity,
                    capacity_period, schedule, offered_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (offering_id) DO NOTHING""",
                event.offeringId(), event.memberId(), event.alliance().name(), event.organisationName(),
                event.stationId(), event.stationName(), event.district(), event.stationPoint().name(),
                event.projectCode(), event.projectName(), event.pricing().name(), event.priceFen(), event.capacity(),
                event.capacityPeriod().name(), event.schedule(), Sql.timestamp(event.offeredAt()), sequence);
    }

    @EventHandler
    void on(OfferingWithdrawn event, @SequenceNumber long sequence) {
        Sql.updateIfNewer(jdbc, "rm_offering", "offering_id", event.offeringId(), sequence,
                "active = FALSE, withdrawn_at = ?, withdrawal_reason = ?", Sql.timestamp(event.withdrawnAt()),
                event.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_offering");
    }
}

package org.familystation.command.offering;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.familystation.command.common.CommandRegistries;
import org.familystation.command.common.Registry;
import org.familystation.events.offering.OfferingWithdrawn;
import org.familystation.events.offering.ServiceOffered;
import org.familystation.platform.error.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The offering registry in PostgreSQL ({@code cmd_offering}), kept by the offering events themselves: recording a
 * service by an alliance member reads one indexed row here instead of loading any history.
 */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
@Registry(tables = "cmd_offering", version = 1)
public class JdbcOfferingRegistry implements OfferingRegistry {

    private final JdbcTemplate jdbc;

    public JdbcOfferingRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isOffered(String memberId, String stationId, String projectCode) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM cmd_offering
                               WHERE member_id = ? AND station_id = ? AND project_code = ? AND active)""",
                Boolean.class, memberId, stationId, projectCode));
    }

    @EventHandler
    void on(ServiceOffered event) {
        try {
            jdbc.update("""
                    INSERT INTO cmd_offering (offering_id, member_id, station_id, project_code, active)
                    VALUES (?, ?, ?, ?, TRUE)""",
                    event.offeringId(), event.memberId(), event.stationId(), event.projectCode());
        } catch (DuplicateKeyException raced) {
            // Another node accepted the same offering between our check and this insert.
            throw DomainException.refuse(OfferingRefusals.OFFERING_ALREADY_EXISTS, event.projectName(),
                    event.stationName());
        }
    }

    @EventHandler
    void on(OfferingWithdrawn event) {
        jdbc.update("UPDATE cmd_offering SET active = FALSE WHERE offering_id = ?", event.offeringId());
    }
}

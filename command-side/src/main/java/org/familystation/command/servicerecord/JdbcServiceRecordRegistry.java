package org.familystation.command.servicerecord;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.familystation.command.common.CommandRegistries;
import org.familystation.command.common.Registry;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Optional;

/**
 * The service-record registry in PostgreSQL ({@code cmd_service_record}), kept by the service-record events
 * themselves; records from before the registry existed are written by replaying them ({@code RegistryRebuild}).
 */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
@Registry(tables = "cmd_service_record", version = 1)
public class JdbcServiceRecordRegistry implements ServiceRecordRegistry {

    private final JdbcTemplate jdbc;

    public JdbcServiceRecordRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ServiceRecordFacts> find(String serviceRecordId) {
        return jdbc.query("""
                        SELECT station_id, station_name, district, project_code, project_name, delivered_at, voided
                        FROM cmd_service_record WHERE service_record_id = ?""",
                (row, index) -> new ServiceRecordFacts(serviceRecordId, row.getString(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getTimestamp(6).toInstant(),
                        row.getBoolean(7)),
                serviceRecordId).stream().findFirst();
    }

    @EventHandler
    void on(ServiceRecorded event) {
        jdbc.update("""
                INSERT INTO cmd_service_record (service_record_id, station_id, station_name, district, project_code,
                                                project_name, delivered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                event.serviceRecordId(), event.stationId(), event.stationName(), event.district(),
                event.details().projectCode(), event.details().projectName(),
                Timestamp.from(event.details().deliveredAt()));
    }

    @EventHandler
    void on(ServiceRecordCorrected event) {
        jdbc.update("UPDATE cmd_service_record SET project_code = ?, project_name = ?, delivered_at = ?"
                        + " WHERE service_record_id = ?",
                event.corrected().projectCode(), event.corrected().projectName(),
                Timestamp.from(event.corrected().deliveredAt()), event.serviceRecordId());
    }

    @EventHandler
    void on(ServiceRecordVoided event) {
        jdbc.update("UPDATE cmd_service_record SET voided = TRUE WHERE service_record_id = ?",
                event.serviceRecordId());
    }
}

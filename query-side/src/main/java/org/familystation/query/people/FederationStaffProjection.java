package org.familystation.query.people;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.familystation.events.people.FederationStaffRegistered;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.query.common.ErasedColumns;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds {@code rm_federation_staff}; a redelivered registration changes nothing. */
@Component
@ProcessingGroup(ProcessingGroups.PEOPLE)
public class FederationStaffProjection {

    private final JdbcTemplate jdbc;

    public FederationStaffProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FederationStaffRegistered event) {
        jdbc.update("""
                INSERT INTO rm_federation_staff (staff_id, name, phone, unit_id, unit_name, unit_level, district,
                                                 registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (staff_id) DO NOTHING""",
                event.staffId(), event.name(), event.phone(), event.unitId(), event.unitName(),
                event.unitLevel().name(), event.district(), Sql.timestamp(event.registeredAt()));
    }

    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subjectKind() == DataSubjectKind.FEDERATION_STAFF) {
            ErasedColumns.erase(jdbc, "rm_federation_staff", "staff_id", event.subjectId(), "name", "phone");
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_federation_staff");
    }
}

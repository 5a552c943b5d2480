package org.familystation.command.people;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.familystation.command.common.CommandRegistries;
import org.familystation.command.common.Registry;
import org.familystation.events.people.VolunteerRegistered;
import org.familystation.platform.error.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The volunteer registry in PostgreSQL ({@code cmd_volunteer}); its unique index settles racing registrations. */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
@Registry(tables = "cmd_volunteer", version = 1)
public class JdbcVolunteerRegistry implements VolunteerRegistry {

    private final JdbcTemplate jdbc;

    public JdbcVolunteerRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean numberTaken(String volunteerNumber) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM cmd_volunteer WHERE volunteer_number = ?)", Boolean.class,
                volunteerNumber));
    }

    @EventHandler
    void on(VolunteerRegistered event) {
        try {
            jdbc.update("INSERT INTO cmd_volunteer (volunteer_id, volunteer_number) VALUES (?, ?)",
                    event.volunteerId(), event.volunteerNumber());
        } catch (DuplicateKeyException raced) {
            // Another node registered the same number between our check and this insert.
            throw DomainException.refuseField(PeopleRefusals.VOLUNTEER_NUMBER_TAKEN, "volunteerNumber",
                    event.volunteerNumber());
        }
    }
}

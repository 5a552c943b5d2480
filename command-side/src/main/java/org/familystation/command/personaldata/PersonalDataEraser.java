package org.familystation.command.personaldata;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.personaldata.PersonalDataProtection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;

import static org.familystation.command.personaldata.PersonalDataRefusals.*;

/**
 * Erases a data subject by deleting their key (crypto-shredding): the events stay as they were, and every personal
 * value in them reads as erased from now on, wherever it is read. In the command's transaction: the key is deleted,
 * the subject's snapshots (an aggregate's state may hold a name) are dropped, and {@link PersonalDataErased} is
 * recorded, so the read models erase their copies and the audit trail shows who erased what, and why.
 */
@Component
public class PersonalDataEraser {

    private final PersonalDataProtection protection;
    private final JdbcTemplate jdbc;
    private final EventBus events;
    private final Clock clock;

    public PersonalDataEraser(PersonalDataProtection protection, JdbcTemplate jdbc, EventBus events, Clock clock) {
        this.protection = protection;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Read at the edge ({@link ErasePersonalData#read}); what is left is whether the key is still there. */
    @CommandHandler
    public void handle(ErasePersonalData command) {
        DataSubjectKind kind = command.subjectKind();
        String id = command.subjectId();
        if (!protection.erase(kind.subject(id))) {
            throw DomainException.refuse(ALREADY_ERASED, kind.label(), id);
        }
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", id);
        events.publish(GenericEventMessage.asEventMessage(
                new PersonalDataErased(kind, id, command.reason(), clock.instant())));
    }
}

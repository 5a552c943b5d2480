package org.familystation.command.personaldata;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.familystation.command.common.Rules;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.personaldata.PersonalDataProtection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Arrays;

import static org.familystation.command.personaldata.PersonalDataRefusals.*;

/**
 * Erases a data subject by deleting their key (crypto-shredding): the events stay as they were, and every personal
 * value in them reads as erased from now on, wherever it is read. In the command's transaction: the key is deleted,
 * the subject's snapshots (an aggregate's state may hold a name) are dropped, and {@link PersonalDataErased} is
 * recorded, so the read models erase their copies and the audit trail shows who erased what, and why.
 */
@Component
public class PersonalDataEraser {

    static final int MAX_ID = 200;
    static final int MAX_REASON = 500;

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

    @CommandHandler
    public void handle(ErasePersonalData command) {
        DataSubjectKind kind = Arrays.stream(DataSubjectKind.values())
                .filter(candidate -> candidate.name().equals(command.subjectKind())).findFirst()
                .orElseThrow(() -> DomainException.refuseField(SUBJECT_KIND_UNKNOWN, "subjectKind",
                        command.subjectKind()));
        String id = Rules.requiredText(command.subjectId(), MAX_ID, SUBJECT_ID_REQUIRED, "subjectId");
        String reason = Rules.requiredText(command.reason(), MAX_REASON, ERASURE_REASON_REQUIRED, "reason");
        if (!protection.erase(kind.subject(id))) {
            throw DomainException.refuse(ALREADY_ERASED, kind.label(), id);
        }
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", id);
        events.publish(GenericEventMessage.asEventMessage(
                new PersonalDataErased(kind, id, reason, clock.instant())));
    }
}

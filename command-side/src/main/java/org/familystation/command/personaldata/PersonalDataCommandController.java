package org.familystation.command.personaldata;

import org.familystation.command.common.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of a person's data on request (PIPL Art. 47); administrators only (SecurityConfiguration). */
@RestController
public class PersonalDataCommandController {

    private final CommandSender sender;

    public PersonalDataCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/api/personal-data/erasures")
    public ResponseEntity<Void> erase(@RequestBody Erasure request) {
        sender.send(ErasePersonalData.read(request.subjectKind(), request.subjectId(), request.reason()));
        return ResponseEntity.noContent().build();
    }

    /**
     * What the client sends; read into the command (and refused there) by {@link ErasePersonalData#read}.
     *
     * @param subjectKind a {@link org.familystation.events.personaldata.DataSubjectKind}
     */
    record Erasure(String subjectKind, String subjectId, String reason) {
    }
}

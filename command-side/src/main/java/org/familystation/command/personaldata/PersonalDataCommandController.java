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
    public ResponseEntity<Void> erase(@RequestBody ErasePersonalData request) {
        sender.send(new ErasePersonalData(request.subjectKind(), request.subjectId(), request.reason()));
        return ResponseEntity.noContent().build();
    }
}

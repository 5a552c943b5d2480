package org.familystation.command.needs;

import org.familystation.command.common.CommandSender;
import org.familystation.command.common.Reason;
import org.familystation.command.needs.SurveyInput.NeedInput;
import org.familystation.platform.input.NetworkDates;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Recording needs surveys at community homes, and correcting or voiding one; what is sent is read here. */
@RestController
public class NeedsSurveyCommandController {

    private final CommandSender sender;
    private final Clock clock;
    private final ZoneId zone;

    public NeedsSurveyCommandController(CommandSender sender, Clock clock, NetworkDates dates) {
        this.sender = sender;
        this.clock = clock;
        this.zone = dates.getTimeZone();
    }

    @PostMapping("/api/units/{homeId}/needs-surveys")
    public ResponseEntity<Map<String, String>> record(@PathVariable String homeId, @RequestBody NewSurvey request) {
        String id = CommandSender.idOrNew(request.surveyId());
        return sender.create(new RecordNeedsSurvey(id, homeId, request.survey().record(clock, zone)), id,
                "/api/needs-surveys/" + id);
    }

    @PostMapping("/api/needs-surveys/{surveyId}/corrections")
    public ResponseEntity<Void> correct(@PathVariable String surveyId, @RequestBody SurveyCorrection request) {
        SurveyEntry changes = request.changes() == null ? null : request.changes().changes(clock, zone);
        sender.send(new CorrectNeedsSurvey(surveyId, changes, new Reason(request.reason())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/needs-surveys/{surveyId}/voiding")
    public ResponseEntity<Void> voidSurvey(@PathVariable String surveyId, @RequestBody Voiding request) {
        sender.send(new VoidNeedsSurvey(surveyId, new Reason(request.reason())));
        return ResponseEntity.noContent().build();
    }

    /** The survey's fields at the top level of the JSON body, beside an optional client-chosen id. */
    record NewSurvey(String surveyId, LocalDate surveyedOn, String channel, Integer respondentCount,
                     List<NeedInput> needs, String freeText) {

        SurveyInput survey() {
            return new SurveyInput(surveyedOn, channel, respondentCount, needs, freeText);
        }
    }

    record SurveyCorrection(SurveyInput changes, String reason) {
    }

    record Voiding(String reason) {
    }
}

package org.familystation.command.servicerecord;

import org.familystation.command.common.CommandSender;
import org.familystation.command.common.Reason;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Recording services, and correcting or voiding a record; what is sent is read here, into typed input. */
@RestController
public class ServiceRecordCommandController {

    private final CommandSender sender;
    private final Clock clock;

    public ServiceRecordCommandController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @PostMapping("/api/stations/{stationId}/service-records")
    public ResponseEntity<Map<String, String>> record(@PathVariable String stationId,
                                                      @RequestBody NewRecord request) {
        String id = CommandSender.idOrNew(request.serviceRecordId());
        return sender.create(new RecordService(id, stationId, request.service().record(clock)), id,
                "/api/service-records/" + id);
    }

    @PostMapping("/api/service-records/{serviceRecordId}/corrections")
    public ResponseEntity<Void> correct(@PathVariable String serviceRecordId,
                                        @RequestBody ServiceCorrection request) {
        ServiceEntry changes = request.changes() == null ? null : request.changes().changes(clock);
        sender.send(new CorrectServiceRecord(serviceRecordId, changes, new Reason(request.reason())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/service-records/{serviceRecordId}/voiding")
    public ResponseEntity<Void> voidRecord(@PathVariable String serviceRecordId, @RequestBody Voiding request) {
        sender.send(new VoidServiceRecord(serviceRecordId, new Reason(request.reason())));
        return ResponseEntity.noContent().build();
    }

    /** The service's fields at the top level of the JSON body, beside an optional client-chosen id. */
    record NewRecord(String serviceRecordId, String stationPoint, String projectCode, String providerKind,
                     String providerMemberId, List<String> socialWorkerIds, List<String> staffIds,
                     List<ServiceInput.VolunteerMinutes> volunteers, Instant deliveredAt, Integer participantCount,
                     String description, String outcome, Integer satisfaction, String feedback) {

        ServiceInput service() {
            return new ServiceInput(stationPoint, projectCode, providerKind, providerMemberId, socialWorkerIds,
                    staffIds, volunteers, deliveredAt, participantCount, description, outcome, satisfaction,
                    feedback);
        }
    }

    record ServiceCorrection(ServiceInput changes, String reason) {
    }

    record Voiding(String reason) {
    }
}

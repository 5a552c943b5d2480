package org.familystation.command.people;

import org.familystation.command.common.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** People: recruiting and assigning social workers, registering federation staff and volunteers, volunteer hours. */
@RestController
public class PeopleCommandController {

    private final CommandSender sender;

    public PeopleCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/api/social-workers")
    public ResponseEntity<Map<String, String>> recruit(@RequestBody Recruitment request) {
        String id = CommandSender.idOrNew(request.socialWorkerId());
        return sender.create(RecruitSocialWorker.read(id, request.name(), request.phone(), request.qualification(),
                request.headquartersId()), id, "/api/social-workers/" + id);
    }

    @PostMapping("/api/social-workers/{socialWorkerId}/assignment")
    public ResponseEntity<Void> assign(@PathVariable String socialWorkerId, @RequestBody Assignment request) {
        return done(new AssignSocialWorker(socialWorkerId, request.stationId()));
    }

    @PostMapping("/api/social-workers/{socialWorkerId}/release")
    public ResponseEntity<Void> release(@PathVariable String socialWorkerId, @RequestBody Release request) {
        return done(new ReleaseSocialWorker(socialWorkerId, request.reason()));
    }

    @PostMapping("/api/federation-staff")
    public ResponseEntity<Map<String, String>> registerStaff(@RequestBody StaffRegistration request) {
        String id = CommandSender.idOrNew(request.staffId());
        return sender.create(RegisterFederationStaff.read(id, request.name(), request.phone(), request.unitId()),
                id, "/api/federation-staff/" + id);
    }

    @PostMapping("/api/volunteers")
    public ResponseEntity<Map<String, String>> registerVolunteer(@RequestBody VolunteerRegistration request) {
        String id = CommandSender.idOrNew(request.volunteerId());
        return sender.create(RegisterVolunteer.read(id, request.name(), request.volunteerNumber(), request.phone(),
                request.homeUnitId()), id, "/api/volunteers/" + id);
    }

    @PostMapping("/api/volunteers/{volunteerId}/hours")
    public ResponseEntity<Void> recordHours(@PathVariable String volunteerId, @RequestBody Hours request) {
        return done(new RecordVolunteerHours(volunteerId, request.serviceRecordId(),
                MinutesHelped.of(request.minutes())));
    }

    private ResponseEntity<Void> done(Object command) {
        sender.send(command);
        return ResponseEntity.noContent().build();
    }

    /** What the client sends; read into the command (and refused there) by the command's {@code read}. */
    record Recruitment(String socialWorkerId, String name, String phone, String qualification,
                       String headquartersId) {
    }

    record StaffRegistration(String staffId, String name, String phone, String unitId) {
    }

    record VolunteerRegistration(String volunteerId, String name, String volunteerNumber, String phone,
                                 String homeUnitId) {
    }

    record Assignment(String stationId) {
    }

    record Release(String reason) {
    }

    record Hours(String serviceRecordId, Integer minutes) {
    }
}

package org.familystation.command.station;

import org.familystation.command.common.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

/** Opening and running stations. */
@RestController
public class StationCommandController {

    private final CommandSender sender;

    public StationCommandController(CommandSender sender) {
        this.sender = sender;
    }

    /** Opens a station; {@code stationId} may be chosen by the client (a UUID), else one is assigned. */
    @PostMapping("/api/stations")
    public ResponseEntity<Map<String, String>> open(@RequestBody OpenStation request) {
        String id = CommandSender.idOrNew(request.stationId());
        return sender.create(new OpenStation(id, request.communityHomeId(), request.stationName(), request.openedAt()),
                id, "/api/stations/" + id);
    }

    @PostMapping("/api/stations/{stationId}/points/{point}/activation")
    public ResponseEntity<Void> activate(@PathVariable String stationId, @PathVariable String point,
                                         @RequestBody Reason request) {
        return done(new ActivateStationPoint(stationId, point, request.reason(), request.effectiveAt()));
    }

    @PostMapping("/api/stations/{stationId}/points/{point}/deactivation")
    public ResponseEntity<Void> deactivate(@PathVariable String stationId, @PathVariable String point,
                                           @RequestBody Reason request) {
        return done(new DeactivateStationPoint(stationId, point, request.reason(), request.effectiveAt()));
    }

    @PostMapping("/api/stations/{stationId}/specialties")
    public ResponseEntity<Void> addSpecialty(@PathVariable String stationId, @RequestBody Specialty request) {
        return done(new AddSpecialtyService(stationId, request.specialtyCode(), request.effectiveAt()));
    }

    @PostMapping("/api/stations/{stationId}/specialties/{code}/retirement")
    public ResponseEntity<Void> retireSpecialty(@PathVariable String stationId, @PathVariable String code,
                                                @RequestBody Reason request) {
        return done(new RetireSpecialtyService(stationId, code, request.reason(), request.effectiveAt()));
    }

    @PostMapping("/api/stations/{stationId}/suspension")
    public ResponseEntity<Void> suspend(@PathVariable String stationId, @RequestBody Reason request) {
        return done(new SuspendStation(stationId, request.reason(), request.effectiveAt()));
    }

    @PostMapping("/api/stations/{stationId}/reopening")
    public ResponseEntity<Void> reopen(@PathVariable String stationId, @RequestBody Reason request) {
        return done(new ReopenStation(stationId, request.reason(), request.effectiveAt()));
    }

    @PostMapping("/api/stations/{stationId}/closure")
    public ResponseEntity<Void> close(@PathVariable String stationId, @RequestBody Reason request) {
        return done(new CloseStation(stationId, request.reason(), request.effectiveAt()));
    }

    private ResponseEntity<Void> done(Object command) {
        sender.send(command);
        return ResponseEntity.noContent().build();
    }

    /** Why, and when it took effect in the world (business time; now when not given). */
    record Reason(String reason, Instant effectiveAt) {
    }

    record Specialty(String specialtyCode, Instant effectiveAt) {
    }
}

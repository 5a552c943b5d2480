package org.familystation.command.station;

import org.familystation.command.common.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Opening and running stations. */
@RestController
public class StationCommandController {

    private final CommandSender sender;
    private final Clock clock;

    public StationCommandController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    /** Opens a station; {@code stationId} may be chosen by the client (a UUID), else one is assigned. */
    @PostMapping("/api/stations")
    public ResponseEntity<Map<String, String>> open(@RequestBody Opening request) {
        String id = CommandSender.idOrNew(request.stationId());
        return sender.create(OpenStation.read(id, request.communityHomeId(), request.stationName(),
                request.openedAt(), clock), id, "/api/stations/" + id);
    }

    @PostMapping("/api/stations/{stationId}/points/{point}/activation")
    public ResponseEntity<Void> activate(@PathVariable String stationId, @PathVariable String point,
                                         @RequestBody Reason request) {
        return done(ActivateStationPoint.read(stationId, point, request.reason(), request.effectiveAt(), clock));
    }

    @PostMapping("/api/stations/{stationId}/points/{point}/deactivation")
    public ResponseEntity<Void> deactivate(@PathVariable String stationId, @PathVariable String point,
                                           @RequestBody Reason request) {
        return done(DeactivateStationPoint.read(stationId, point, request.reason(), request.effectiveAt(), clock));
    }

    @PostMapping("/api/stations/{stationId}/specialties")
    public ResponseEntity<Void> addSpecialty(@PathVariable String stationId, @RequestBody Specialty request) {
        return done(AddSpecialtyService.read(stationId, request.specialtyCode(), request.effectiveAt(), clock));
    }

    @PostMapping("/api/stations/{stationId}/specialties/{code}/retirement")
    public ResponseEntity<Void> retireSpecialty(@PathVariable String stationId, @PathVariable String code,
                                                @RequestBody Reason request) {
        return done(RetireSpecialtyService.read(stationId, code, request.reason(), request.effectiveAt(), clock));
    }

    @PostMapping("/api/stations/{stationId}/suspension")
    public ResponseEntity<Void> suspend(@PathVariable String stationId, @RequestBody Reason request) {
        return done(SuspendStation.read(stationId, request.reason(), request.effectiveAt(), clock));
    }

    @PostMapping("/api/stations/{stationId}/reopening")
    public ResponseEntity<Void> reopen(@PathVariable String stationId, @RequestBody Reason request) {
        return done(ReopenStation.read(stationId, request.reason(), request.effectiveAt(), clock));
    }

    @PostMapping("/api/stations/{stationId}/closure")
    public ResponseEntity<Void> close(@PathVariable String stationId, @RequestBody Reason request) {
        return done(CloseStation.read(stationId, request.reason(), request.effectiveAt(), clock));
    }

    private ResponseEntity<Void> done(Object command) {
        sender.send(command);
        return ResponseEntity.noContent().build();
    }

    /** What the client sends; read into the command (and refused there) by {@link OpenStation#read}. */
    record Opening(String stationId, String communityHomeId, String stationName, Instant openedAt) {
    }

    /** Why, and when it took effect in the world (business time; now when not given). */
    record Reason(String reason, Instant effectiveAt) {
    }

    record Specialty(String specialtyCode, Instant effectiveAt) {
    }
}

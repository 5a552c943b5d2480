package org.familystation.command.alliance;

import org.familystation.command.common.CommandSender;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * An organisation's way into an alliance and out of it (application, review, convention signature, admission,
 * suspension, reinstatement, expulsion, withdrawal), and the alliances' conventions.
 */
@RestController
public class AllianceCommandController {

    private final CommandSender sender;
    private final Clock clock;

    public AllianceCommandController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @PostMapping("/api/alliance-applications")
    public ResponseEntity<Map<String, String>> apply(@RequestBody Application request) {
        String id = CommandSender.idOrNew(request.memberId());
        return sender.create(ApplyForAllianceMembership.read(id, request.alliance(), request.organisationName(),
                        request.organisationType(), request.creditCode(), request.contactPerson(),
                        request.contactPhone(), request.appliedAt(), clock),
                id, "/api/alliance-members/" + id);
    }

    @PostMapping("/api/alliance-members/{memberId}/review")
    public ResponseEntity<Void> review(@PathVariable String memberId, @RequestBody Review request) {
        sender.send(ReviewAllianceApplication.read(memberId, request.decision(), request.notes(), request.reviewedAt(),
                clock));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/alliance-members/{memberId}/convention-signature")
    public ResponseEntity<Void> sign(@PathVariable String memberId, @RequestBody Signature request) {
        sender.send(SignAllianceConvention.read(memberId, request.conventionVersion(), request.signatory(),
                request.signedAt(), clock));
        return ResponseEntity.noContent().build();
    }

    /** Admits now; a JSON body may say when the admission happened ({@code admittedAt}). */
    @PostMapping("/api/alliance-members/{memberId}/admission")
    public ResponseEntity<Void> admit(@PathVariable String memberId) {
        sender.send(AdmitAllianceMember.read(memberId, null, clock));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/alliance-members/{memberId}/admission", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> admitOn(@PathVariable String memberId, @RequestBody Admission request) {
        sender.send(AdmitAllianceMember.read(memberId, request.admittedAt(), clock));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/alliance-members/{memberId}/suspension")
    public ResponseEntity<Void> suspend(@PathVariable String memberId, @RequestBody Reason request) {
        sender.send(SuspendAllianceMember.read(memberId, request.reason(), request.effectiveAt(), clock));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/alliance-members/{memberId}/reinstatement")
    public ResponseEntity<Void> reinstate(@PathVariable String memberId, @RequestBody Reason request) {
        sender.send(ReinstateAllianceMember.read(memberId, request.reason(), request.effectiveAt(), clock));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/alliance-members/{memberId}/expulsion")
    public ResponseEntity<Void> expel(@PathVariable String memberId, @RequestBody Reason request) {
        sender.send(ExpelAllianceMember.read(memberId, request.reason(), request.effectiveAt(), clock));
        return ResponseEntity.noContent().build();
    }

    /** Recorded by the headquarters on the member's behalf. */
    @PostMapping("/api/alliance-members/{memberId}/withdrawal")
    public ResponseEntity<Void> withdraw(@PathVariable String memberId, @RequestBody Reason request) {
        sender.send(WithdrawFromAlliance.read(memberId, request.reason(), request.effectiveAt(), clock));
        return ResponseEntity.noContent().build();
    }

    /** Publishes a new convention version; it is current at once, and admitted members owe a signature. */
    @PostMapping("/api/alliances/{alliance}/conventions")
    public ResponseEntity<Map<String, String>> publish(@PathVariable String alliance,
                                                       @RequestBody Publication request) {
        PublishConventionVersion command = PublishConventionVersion.read(alliance, request.conventionVersion(),
                request.gracePeriod(), request.summary());
        return sender.create(command, command.conventionVersion(), "/api/alliances/" + alliance + "/conventions");
    }

    /** What the client sends; read into the command (and refused there) by {@link ApplyForAllianceMembership#read}. */
    record Application(String memberId, String alliance, String organisationName, String organisationType,
                       String creditCode, String contactPerson, String contactPhone, Instant appliedAt) {
    }

    record Review(String decision, String notes, Instant reviewedAt) {
    }

    record Signature(String conventionVersion, String signatory, Instant signedAt) {
    }

    record Admission(Instant admittedAt) {
    }

    /** Why, and when it took effect (business time; now when not given). */
    record Reason(String reason, Instant effectiveAt) {
    }

    record Publication(String conventionVersion, String gracePeriod, String summary) {
    }
}

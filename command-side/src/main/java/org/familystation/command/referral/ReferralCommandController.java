package org.familystation.command.referral;

import org.familystation.command.common.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Referrals from stations to the city centres: stations refer and withdraw, the centres answer and work them
 * (which roles may call what is in the security configuration; on which referrals, in the scope check).
 */
@RestController
public class ReferralCommandController {

    private final CommandSender sender;

    public ReferralCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/api/stations/{stationId}/referrals")
    public ResponseEntity<Map<String, String>> refer(@PathVariable String stationId,
                                                     @RequestBody NewReferral request) {
        String id = CommandSender.idOrNew(request.referralId());
        return sender.create(ReferCase.read(id, stationId, request.centre(), request.category(), request.summary(),
                request.consentGiven(), request.consentMethod()), id, "/api/referrals/" + id);
    }

    @PostMapping("/api/referrals/{referralId}/acceptance")
    public ResponseEntity<Void> accept(@PathVariable String referralId) {
        return done(new AcceptReferral(referralId));
    }

    @PostMapping("/api/referrals/{referralId}/decline")
    public ResponseEntity<Void> decline(@PathVariable String referralId, @RequestBody Reason request) {
        return done(DeclineReferral.read(referralId, request.reason()));
    }

    @PostMapping("/api/referrals/{referralId}/work")
    public ResponseEntity<Void> startWork(@PathVariable String referralId) {
        return done(new StartReferralWork(referralId));
    }

    @PostMapping("/api/referrals/{referralId}/resolution")
    public ResponseEntity<Void> resolve(@PathVariable String referralId, @RequestBody Resolution request) {
        return done(new ResolveReferral(referralId, request.outcome()));
    }

    @PostMapping("/api/referrals/{referralId}/closure")
    public ResponseEntity<Void> close(@PathVariable String referralId) {
        return done(new CloseReferral(referralId));
    }

    @PostMapping("/api/referrals/{referralId}/withdrawal")
    public ResponseEntity<Void> withdraw(@PathVariable String referralId, @RequestBody Reason request) {
        return done(WithdrawReferral.read(referralId, request.reason()));
    }

    private ResponseEntity<Void> done(Object command) {
        sender.send(command);
        return ResponseEntity.noContent().build();
    }

    /** A referral as a station sends it, with an optional client-chosen id. */
    record NewReferral(String referralId, String centre, String category, String summary, Boolean consentGiven,
                       String consentMethod) {
    }

    record Reason(String reason) {
    }

    record Resolution(String outcome) {
    }
}

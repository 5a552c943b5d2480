package org.familystation.command.offering;

import org.familystation.command.common.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Offering service projects at stations, and withdrawing an offering. */
@RestController
public class OfferingCommandController {

    private final CommandSender sender;
    private final Clock clock;

    public OfferingCommandController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @PostMapping("/api/alliance-members/{memberId}/offerings")
    public ResponseEntity<Map<String, String>> offer(@PathVariable String memberId, @RequestBody NewOffering request) {
        String id = CommandSender.idOrNew(request.offeringId());
        return sender.create(OfferService.read(id, memberId, request.stationId(), request.projectCode(),
                        request.pricing(), request.priceFen(), request.capacity(), request.capacityPeriod(),
                        request.schedule(), request.offeredAt(), clock),
                id, "/api/offerings/" + id);
    }

    @PostMapping("/api/offerings/{offeringId}/withdrawal")
    public ResponseEntity<Void> withdraw(@PathVariable String offeringId, @RequestBody Withdrawal request) {
        sender.send(new WithdrawOffering(offeringId, request.reason()));
        return ResponseEntity.noContent().build();
    }

    record NewOffering(String offeringId, String stationId, String projectCode, String pricing, Long priceFen,
                       Integer capacity, String capacityPeriod, String schedule, Instant offeredAt) {
    }

    record Withdrawal(String reason) {
    }
}

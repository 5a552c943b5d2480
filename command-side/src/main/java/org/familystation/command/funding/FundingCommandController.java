package org.familystation.command.funding;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.familystation.command.common.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Money: receiving funds, allocating them to stations and projects, spending, and releasing what is unspent. */
@RestController
public class FundingCommandController {

    private final CommandSender sender;
    private final Clock clock;

    public FundingCommandController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    /** Records a receipt of funds; {@code fundId} may be chosen by the client (a UUID), else one is assigned. */
    @PostMapping("/api/funds")
    public ResponseEntity<Map<String, String>> receive(@RequestBody Receipt request) {
        String id = CommandSender.idOrNew(request.fundId());
        return sender.create(ReceiveFunds.read(id, request.source(), request.donor(), request.amountFen(),
                request.receivedAt(), request.note(), clock), id, "/api/funds/" + id);
    }

    @PostMapping("/api/funds/{fundId}/allocations")
    public ResponseEntity<Map<String, String>> allocate(@PathVariable String fundId,
                                                        @RequestBody NewAllocation request) {
        String id = CommandSender.idOrNew(request.allocationId());
        return sender.create(AllocateFunds.read(fundId, id, request.stationId(), request.projectCode(),
                request.amountFen(), request.note(), request.allocatedAt(), clock), id,
                "/api/funds/" + fundId + "/allocations/" + id);
    }

    @PostMapping("/api/funds/{fundId}/allocations/{allocationId}/expenditures")
    public ResponseEntity<Map<String, String>> spend(@PathVariable String fundId, @PathVariable String allocationId,
                                                     @RequestBody NewExpenditure request) {
        String id = CommandSender.idOrNew(request.expenditureId());
        return sender.create(RecordExpenditure.read(fundId, allocationId, id, request.amountFen(),
                        request.purpose(), request.spentAt(), request.voucherNumber(), clock), id,
                "/api/funds/" + fundId + "/allocations/" + allocationId + "/expenditures/" + id);
    }

    @PostMapping("/api/funds/{fundId}/allocations/{allocationId}/release")
    public ResponseEntity<Void> release(@PathVariable String fundId, @PathVariable String allocationId,
                                        @RequestBody Release request) {
        sender.send(ReleaseAllocation.read(fundId, allocationId, request.reason(), request.releasedAt(), clock));
        return ResponseEntity.noContent().build();
    }

    record Receipt(String fundId, String source, String donor,
                   @JsonDeserialize(using = WholeFen.class) Long amountFen, Instant receivedAt, String note) {
    }

    record NewAllocation(String allocationId, String stationId, String projectCode,
                         @JsonDeserialize(using = WholeFen.class) Long amountFen, String note,
                         Instant allocatedAt) {
    }

    record NewExpenditure(String expenditureId, @JsonDeserialize(using = WholeFen.class) Long amountFen,
                          String purpose, Instant spentAt, String voucherNumber) {
    }

    record Release(String reason, Instant releasedAt) {
    }
}

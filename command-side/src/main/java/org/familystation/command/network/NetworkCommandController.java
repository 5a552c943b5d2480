package org.familystation.command.network;

import org.familystation.command.common.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Building the network: establishing units, re-rating community homes. */
@RestController
public class NetworkCommandController {

    private final CommandSender sender;

    public NetworkCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/api/units")
    public ResponseEntity<Map<String, String>> establish(@RequestBody Establishment request) {
        String id = CommandSender.idOrNew(request.unitId());
        return sender.create(EstablishUnit.read(id, request.level(), request.name(), request.parentUnitId(),
                request.district(), request.tier()), id, "/api/units/" + id);
    }

    @PostMapping("/api/units/{unitId}/rating")
    public ResponseEntity<Void> rerate(@PathVariable String unitId, @RequestBody Rating request) {
        sender.send(RerateCommunityHome.read(unitId, request.tier(), request.reason()));
        return ResponseEntity.noContent().build();
    }

    /** What the client sends; read into the command (and refused there) by {@link EstablishUnit#read}. */
    record Establishment(String unitId, String level, String name, String parentUnitId, String district,
                         String tier) {
    }

    record Rating(String tier, String reason) {
    }
}

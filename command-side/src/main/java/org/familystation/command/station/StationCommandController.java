package org.familystation.command.station;

import org.familystation.command.common.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

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
        return sender.create(new OpenStation(id, request.communityHomeId(), request.communityHomeName(),
                        request.stationName(), request.district(), request.homeTier()),
                id, "/api/stations/" + id);
    }
}

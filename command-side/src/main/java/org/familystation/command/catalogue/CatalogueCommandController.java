package org.familystation.command.catalogue;

import org.familystation.command.common.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Extending the catalogues: adding and retiring entries. */
@RestController
public class CatalogueCommandController {

    private final CommandSender sender;

    public CatalogueCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/api/catalogues/{kind}")
    public ResponseEntity<Map<String, String>> add(@PathVariable String kind, @RequestBody Entry request) {
        AddCatalogueEntry command = AddCatalogueEntry.read(kind, request.code(), request.name(),
                request.stationPoint());
        return sender.create(command, request.code(), "/api/catalogues/" + kind + "/" + request.code());
    }

    @PostMapping("/api/catalogues/{kind}/{code}/retirement")
    public ResponseEntity<Void> retire(@PathVariable String kind, @PathVariable String code,
                                       @RequestBody Retirement request) {
        sender.send(RetireCatalogueEntry.read(kind, code, request.reason()));
        return ResponseEntity.noContent().build();
    }

    record Entry(String code, String name, String stationPoint) {
    }

    record Retirement(String reason) {
    }
}

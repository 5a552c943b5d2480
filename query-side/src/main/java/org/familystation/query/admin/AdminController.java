package org.familystation.query.admin;

import org.familystation.platform.operations.FlowControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Operating the read side (ADMIN only): the event processors (a family of projections each) and how far behind they
 * are, rebuilds of a processor's projections from the start of history, the events projections failed on (dead
 * letters, per processing group), and how many changes this node lets in at once while the read side is behind.
 */
@RestController
public class AdminController {

    private final Processors processors;
    private final Rebuilds rebuilds;
    private final DeadLetters deadLetters;
    private final FlowControl flowControl;

    public AdminController(Processors processors, Rebuilds rebuilds, DeadLetters deadLetters,
                           FlowControl flowControl) {
        this.processors = processors;
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
        this.flowControl = flowControl;
    }

    /** This node's changes: let in at once now, running, waiting, and the slowest processor flow control saw. */
    @GetMapping("/api/admin/changes")
    public FlowControl.State changes() {
        return flowControl.state();
    }

    @GetMapping("/api/admin/processors")
    public List<ProcessorStatus> processors() {
        return processors.all();
    }

    @GetMapping("/api/admin/processors/{name}")
    public ProcessorStatus processor(@PathVariable String name) {
        return processors.one(name);
    }

    /**
     * Rebuilds the processor's projections (a family's: every processing group in it): answers 202 once its replay
     * has begun, with the rebuild to follow.
     */
    @PostMapping("/api/admin/processors/{name}/rebuild")
    public ResponseEntity<Rebuild> rebuild(@PathVariable String name, Authentication user) {
        Rebuild rebuild = rebuilds.start(name, user == null ? null : user.getName());
        return ResponseEntity.accepted().location(URI.create("/api/admin/rebuilds/" + rebuild.id())).body(rebuild);
    }

    @GetMapping("/api/admin/rebuilds")
    public List<Rebuild> rebuilds() {
        return rebuilds.latest(50);
    }

    @GetMapping("/api/admin/rebuilds/{id}")
    public Rebuild rebuild(@PathVariable String id) {
        return rebuilds.get(id);
    }

    @GetMapping("/api/admin/dead-letters")
    public List<DeadLetterView> deadLetters(@RequestParam(required = false) String processor) {
        // A processing group, or a processor: every group it reads for.
        return deadLetters.list(processor, 1000);
    }

    @GetMapping("/api/admin/dead-letters/{group}/{eventId}")
    public DeadLetterView deadLetter(@PathVariable String group, @PathVariable String eventId) {
        return deadLetters.one(group, eventId);
    }

    /** Handles the letter's sequence again; 200 with what of the sequence is still parked, or refused if it fails. */
    @PostMapping("/api/admin/dead-letters/{group}/{eventId}/retry")
    public Map<String, Object> retry(@PathVariable String group, @PathVariable String eventId) {
        long left = deadLetters.retry(group, eventId);
        return Map.of("eventId", eventId, "processed", true, "stillParkedInSequence", left);
    }

    @DeleteMapping("/api/admin/dead-letters/{group}/{eventId}")
    public ResponseEntity<Void> drop(@PathVariable String group, @PathVariable String eventId) {
        deadLetters.drop(group, eventId);
        return ResponseEntity.noContent().build();
    }
}

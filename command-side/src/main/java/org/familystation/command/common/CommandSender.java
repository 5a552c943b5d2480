package org.familystation.command.common;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command from an HTTP request and waits for it: when this returns, the command's events are committed
 * to PostgreSQL, so the answer never promises what a crash could lose.
 */
@Component
public class CommandSender {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;

    public CommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    public void send(Object command) {
        commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Sends a create command and answers 201 with the new entity's id and where to read it. */
    public ResponseEntity<Map<String, String>> create(Object command, String id, String location) {
        send(command);
        return ResponseEntity.created(URI.create(location)).body(Map.of("id", id));
    }

    /** The id a client chose for a new entity, or a new one. */
    public static String idOrNew(String given) {
        return given != null ? given : UUID.randomUUID().toString();
    }
}

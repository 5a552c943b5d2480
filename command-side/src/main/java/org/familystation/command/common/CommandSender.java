package org.familystation.command.common;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.familystation.events.common.TimeOrderedIds;
import org.familystation.platform.eventstore.AppendedPositions;
import org.familystation.platform.web.ReadYourWrites;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URI;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command from an HTTP request and waits for it: when this returns, the command's events are committed
 * to PostgreSQL, so the answer never promises what a crash could lose. The answer then names the position of the
 * command's last event ({@link ReadYourWrites#EVENT_POSITION}, as PostgreSQL gave it: {@link AppendedPositions}), to
 * compare with the processors' positions.
 */
@Component
public class CommandSender {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    public CommandSender(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    public void send(Object command) {
        OptionalLong appended = AppendedPositions.during(
                () -> commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS));
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getResponse() != null) {
            // The command's own last event; for a command that appended none, the newest event now.
            Long position = appended.isPresent() ? Long.valueOf(appended.getAsLong())
                    : jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            if (position != null) {
                request.getResponse().setHeader(ReadYourWrites.EVENT_POSITION, position.toString());
            }
        }
    }

    /** Sends a create command and answers 201 with the new entity's id and where to read it. */
    public ResponseEntity<Map<String, String>> create(Object command, String id, String location) {
        send(command);
        return ResponseEntity.created(URI.create(location)).body(Map.of("id", id));
    }

    /** The id a client chose for a new entity, or a new one (time-ordered: {@link TimeOrderedIds}). */
    public static String idOrNew(String given) {
        return given != null ? given : TimeOrderedIds.next();
    }
}

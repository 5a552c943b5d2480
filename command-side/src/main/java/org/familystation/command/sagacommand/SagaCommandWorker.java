package org.familystation.command.sagacommand;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.familystation.platform.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends the pending rows of {@code saga_command} ({@link SagaCommands}): every second, outside any transaction, in
 * the order they became due. A command that succeeds is marked done by its own transaction; one that is refused
 * ({@link DomainException}, the domain said no) is marked refused with its code and never sent again; any other
 * failure (the database or a node down, a timeout) is retried after 1, 2, 4 … s, at most {@link #MAX_BACK_OFF}.
 * <p>
 * Rows are claimed for {@link #LEASE} by one statement with {@code FOR UPDATE SKIP LOCKED}, so several command nodes
 * share the work without sending a command twice at once; a node that dies holding a claim leaves it to the others
 * when the lease ends. Whatever is pending when the application stops is sent after the next start.
 */
@Component
public class SagaCommandWorker {

    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);
    /** Longer than a command can take (the send waits at most {@link #SEND_TIMEOUT}). */
    static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(SagaCommandWorker.class);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final CommandGateway commands;

    public SagaCommandWorker(JdbcTemplate jdbc, Serializer serializer, CommandGateway commands) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.commands = commands;
    }

    private record Claimed(String commandId, String type, byte[] payload, byte[] metaData, int attempts) {
    }

    @Scheduled(fixedDelayString = "${familystation.saga-commands.polling-interval:PT1S}")
    void sendDue() {
        try {
            List<Claimed> due;
            do {
                due = claimDue();
                due.forEach(this::send);
            } while (due.size() == BATCH);
        } catch (RuntimeException databaseDown) {
            // Claiming failed: the rows wait for the next round.
            log.warn("saga commands: could not claim due commands: {}", databaseDown.toString());
        }
    }

    private List<Claimed> claimDue() {
        return jdbc.query("""
                UPDATE saga_command SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
                WHERE command_id IN (SELECT command_id FROM saga_command
                                     WHERE status = 'PENDING' AND next_attempt_at <= now()
                                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING command_id, command_type, payload, meta_data, attempts""",
                (rs, row) -> new Claimed(rs.getString("command_id"), rs.getString("command_type"),
                        rs.getBytes("payload"), rs.getBytes("meta_data"), rs.getInt("attempts")),
                (double) LEASE.toSeconds(), BATCH);
    }

    private void send(Claimed claimed) {
        try {
            Object command = serializer.deserialize(
                    new SimpleSerializedObject<>(claimed.payload(), byte[].class, claimed.type(), null));
            MetaData metaData = serializer.deserialize(
                    new SimpleSerializedObject<>(claimed.metaData(), byte[].class, MetaData.class.getName(), null));
            commands.sendAndWait(new GenericCommandMessage<>(command, metaData)
                            .andMetaData(java.util.Map.of(SagaCommands.COMMAND_ID, claimed.commandId())),
                    SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (claimed.attempts() > 1) {
                log.info("saga command {} succeeded at attempt {}", claimed.commandId(), claimed.attempts());
            }
        } catch (DomainException refused) {
            log.warn("saga command {} refused ({}): {}", claimed.commandId(), refused.code(), refused.getMessage());
            jdbc.update("""
                    UPDATE saga_command SET status = 'REFUSED', refusal_code = ?, last_error = ?, finished_at = now()
                    WHERE command_id = ? AND status = 'PENDING'""",
                    refused.code(), refused.getMessage(), claimed.commandId());
        } catch (RuntimeException failed) {
            Duration backOff = backOff(claimed.attempts());
            log.warn("saga command {} failed at attempt {}, retried in {} s: {}", claimed.commandId(),
                    claimed.attempts(), backOff.toSeconds(), failed.toString());
            try {
                jdbc.update("""
                        UPDATE saga_command SET next_attempt_at = now() + make_interval(secs => ?), last_error = ?
                        WHERE command_id = ? AND status = 'PENDING'""",
                        (double) backOff.toSeconds(), failed.toString(), claimed.commandId());
            } catch (RuntimeException databaseDown) {
                // The claim's lease brings it back.
                log.warn("saga command {}: could not schedule the retry: {}", claimed.commandId(), databaseDown.toString());
            }
        }
    }

    /** 1 s after the first failed attempt, doubling, at most {@link #MAX_BACK_OFF}. */
    static Duration backOff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration backOff = FIRST_BACK_OFF.multipliedBy(1L << doublings);
        return backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff;
    }
}

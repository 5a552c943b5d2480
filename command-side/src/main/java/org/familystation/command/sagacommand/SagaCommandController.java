package org.familystation.command.sagacommand;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The saga commands an administrator should know of (ADMIN only, like all of {@code /api/admin}): those still being
 * retried, with their last error, and those the domain refused, with the refusal's code. Done ones are not listed.
 */
@RestController
public class SagaCommandController {

    /**
     * @param status      {@code PENDING} (sent again at {@code nextAttemptAt}) or {@code REFUSED} (never sent again)
     * @param attempts    times it was sent
     * @param lastError   the last failure or the refusal's message
     * @param refusalCode the refusal's code, when refused
     */
    public record SagaCommandView(String commandId, String commandType, String status, Instant createdAt,
                                  int attempts, Instant nextAttemptAt, String lastError, String refusalCode,
                                  Instant finishedAt) {
    }

    private final JdbcTemplate jdbc;

    public SagaCommandController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/admin/saga-commands")
    public List<SagaCommandView> sagaCommands() {
        return jdbc.query("""
                SELECT command_id, command_type, status, created_at, attempts, next_attempt_at, last_error,
                       refusal_code, finished_at
                FROM saga_command WHERE status <> 'DONE' ORDER BY created_at DESC LIMIT 500""",
                (rs, row) -> new SagaCommandView(rs.getString("command_id"), rs.getString("command_type"),
                        rs.getString("status"), rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                        rs.getString("refusal_code"), rs.getTimestamp("finished_at") == null ? null
                        : rs.getTimestamp("finished_at").toInstant()));
    }
}

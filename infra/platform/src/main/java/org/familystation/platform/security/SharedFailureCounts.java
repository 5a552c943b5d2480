package org.familystation.platform.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.IntFunction;

/**
 * The throttle's counts in PostgreSQL ({@code sign_in_failure}), shared by every node: a failure is counted by an
 * upsert that locks the row, and its lock set in the same transaction, so two nodes counting at once count two and
 * a lock is seen by every node at once.
 */
public class SharedFailureCounts implements FailureCounts {

    /** Forgotten: no failure within the memory and no lock left. */
    private static final String FORGOTTEN = "f.last_failure + ? * interval '1 millisecond' < excluded.last_failure"
            + " AND (f.locked_until IS NULL OR f.locked_until < excluded.last_failure)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public SharedFailureCounts(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public Failures fail(String subject, String key, Instant now, Duration memory, IntFunction<Instant> lockFor) {
        OffsetDateTime at = utc(now);
        return transaction.execute(status -> {
            Integer count = jdbc.queryForObject("INSERT INTO sign_in_failure AS f (subject, key, failures, "
                    + "last_failure) VALUES (?, ?, 1, ?) ON CONFLICT (subject, key) DO UPDATE SET "
                    + "failures = CASE WHEN " + FORGOTTEN + " THEN 1 ELSE f.failures + 1 END, "
                    + "last_failure = excluded.last_failure RETURNING failures", Integer.class,
                    subject, key, at, memory.toMillis());
            Instant until = lockFor.apply(count);
            // Below the allowance after a reset, the old (past) lock goes with the old failures.
            jdbc.update("UPDATE sign_in_failure SET locked_until = ? WHERE subject = ? AND key = ?",
                    until == null ? null : utc(until), subject, key);
            return new Failures(count, until);
        });
    }

    @Override
    public Standing standing(String account, String address, Instant now) {
        return jdbc.queryForObject("SELECT max(locked_until) FILTER (WHERE locked_until > ?),"
                        + " coalesce(bool_or(subject = 'ACCOUNT'), false) FROM sign_in_failure"
                        + " WHERE (subject = 'ACCOUNT' AND key = ?) OR (subject = 'CLIENT_ADDRESS' AND key = ?)",
                (row, index) -> {
                    OffsetDateTime until = row.getObject(1, OffsetDateTime.class);
                    return new Standing(until == null ? null : until.toInstant(), row.getBoolean(2));
                }, utc(now), account, address);
    }

    @Override
    public void forgive(String subject, String key) {
        jdbc.update("DELETE FROM sign_in_failure WHERE subject = ? AND key = ?", subject, key);
    }

    @Override
    public void forgetAll() {
        jdbc.update("DELETE FROM sign_in_failure");
    }

    @Override
    public void prune(Instant now, Duration memory) {
        jdbc.update("DELETE FROM sign_in_failure WHERE last_failure < ? AND (locked_until IS NULL OR locked_until < ?)",
                utc(now.minus(memory)), utc(now));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

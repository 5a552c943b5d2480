package org.familystation.command.importing;

import org.familystation.command.importing.ImportJob.Outcome;
import org.familystation.command.importing.ImportJob.Progress;
import org.familystation.command.importing.ImportJob.RowResult;
import org.familystation.command.importing.ImportJob.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Import jobs and their reports in PostgreSQL ({@code import_job}, {@code import_job_row}), so that any node answers
 * a job's progress and report while the node running it writes them. That node saves what its rows came to every
 * second, and each save is a heartbeat (by the database's clock, the same for every node): a job still RUNNING whose
 * heartbeat is older than {@code familystation.import.heartbeat-timeout} lost its node and is answered as
 * INTERRUPTED from then on. Importing its file again finishes it: the rows already recorded are found so.
 */
@Component
class ImportJobStore {

    /** A saved job: whose it is, what it imports, how far it got. */
    record StoredJob(String owner, ImportKind kind, Progress progress) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ImportJobStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A job just started on {@code node}; of the finished jobs only the {@code kept} latest stay. */
    void create(ImportJob job, String node, int kept) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM import_job WHERE status <> 'RUNNING' AND job_id NOT IN (SELECT job_id FROM "
                    + "import_job WHERE status <> 'RUNNING' ORDER BY started_at DESC LIMIT ?)", kept);
            jdbc.update("INSERT INTO import_job (job_id, kind, file_name, owner, total, status, started_at, node) "
                            + "VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?)", job.jobId(), job.kind().path(),
                    job.fileName(), job.owner(), job.total(), utc(job.startedAt()), node);
        });
    }

    /** Saves the rows recorded since the last save, with their counts, and beats the job's heartbeat. */
    void save(ImportJob job) {
        synchronized (job) {
            transaction.executeWithoutResult(status -> saveRows(job));
        }
    }

    /**
     * Saves the last rows and ends the job as {@code outcome}, unless it was found interrupted meanwhile (a job
     * answered as ended stays so).
     */
    void finish(ImportJob job, Status outcome) {
        synchronized (job) {
            transaction.executeWithoutResult(status -> {
                saveRows(job);
                jdbc.update("UPDATE import_job SET status = ?, finished_at = ? WHERE job_id = ? AND status = 'RUNNING'",
                        outcome.name(), utc(job.finishedAt() != null ? job.finishedAt() : clock.instant()),
                        job.jobId());
            });
        }
    }

    private void saveRows(ImportJob job) {
        List<Map.Entry<Integer, RowResult>> rows = job.takeUnsaved();
        jdbc.batchUpdate("INSERT INTO import_job_row (job_id, row_index, row_number, outcome, id, code, field, detail, "
                + "detail_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows, 500, (statement, row) -> {
            RowResult result = row.getValue();
            statement.setString(1, job.jobId());
            statement.setInt(2, row.getKey());
            statement.setInt(3, result.row());
            statement.setString(4, result.outcome().name());
            statement.setString(5, result.id());
            statement.setString(6, result.code());
            statement.setString(7, result.field());
            statement.setString(8, result.detail());
            statement.setString(9, result.detailEn());
        });
        jdbc.update("UPDATE import_job SET done = done + ?, accepted = accepted + ?, already_recorded = "
                        + "already_recorded + ?, refused = refused + ?, heartbeat_at = now() WHERE job_id = ?",
                rows.size(), count(rows, Outcome.ACCEPTED), count(rows, Outcome.ALREADY_RECORDED),
                count(rows, Outcome.REFUSED), job.jobId());
    }

    /** The job, interrupted first if it is still RUNNING without a heartbeat for {@code heartbeatTimeout}. */
    Optional<StoredJob> find(String jobId, Duration heartbeatTimeout) {
        jdbc.update("UPDATE import_job SET status = 'INTERRUPTED', finished_at = heartbeat_at WHERE job_id = ? "
                + "AND status = 'RUNNING' AND heartbeat_at < now() - ? * interval '1 millisecond'", jobId,
                heartbeatTimeout.toMillis());
        return jdbc.query("SELECT * FROM import_job WHERE job_id = ?", this::job, jobId).stream().findFirst();
    }

    /** The rows saved so far, in the sheet's order; only those with {@code outcome} when given. */
    List<RowResult> rows(String jobId, Outcome outcome) {
        return jdbc.query("SELECT * FROM import_job_row WHERE job_id = ? AND (?::text IS NULL OR outcome = ?) "
                        + "ORDER BY row_index", (rs, n) -> new RowResult(rs.getInt("row_number"),
                        Outcome.valueOf(rs.getString("outcome")), rs.getString("id"), rs.getString("code"),
                        rs.getString("field"), rs.getString("detail"), rs.getString("detail_en")),
                jobId, outcome == null ? null : outcome.name(), outcome == null ? null : outcome.name());
    }

    private StoredJob job(ResultSet rs, int row) throws SQLException {
        ImportKind kind = ImportKind.of(rs.getString("kind"));
        Instant startedAt = rs.getObject("started_at", OffsetDateTime.class).toInstant();
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        Instant finishedAt = finished == null ? null : finished.toInstant();
        int done = rs.getInt("done");
        return new StoredJob(rs.getString("owner"), kind, new Progress(rs.getString("job_id"), kind.path(),
                kind.label(), rs.getString("file_name"), Status.valueOf(rs.getString("status")), rs.getInt("total"),
                done, rs.getInt("accepted"), rs.getInt("already_recorded"), rs.getInt("refused"), startedAt,
                finishedAt, ImportJob.rowsPerSecond(done, startedAt, finishedAt, clock)));
    }

    private static int count(List<Map.Entry<Integer, RowResult>> rows, Outcome outcome) {
        return (int) rows.stream().filter(row -> row.getValue().outcome() == outcome).count();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

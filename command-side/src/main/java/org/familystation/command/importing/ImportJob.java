package org.familystation.command.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One upload being imported: its rows' outcomes as they come, and counts a progress bar can poll. Rows run in
 * parallel, so the outcomes are kept by row index and the counts are atomic.
 */
public final class ImportJob {

    public enum Status { RUNNING, DONE, FAILED }

    public enum Outcome { ACCEPTED, ALREADY_RECORDED, REFUSED }

    /**
     * What became of one row.
     *
     * @param row      the row's number in the sheet (the headings are row 1)
     * @param id       the id the row's command created (or had created, when already recorded)
     * @param code     the refusal's code, as the API answers it
     * @param field    the refused field or column, when the refusal names one
     * @param detail   the refusal in Chinese
     * @param detailEn the refusal in English
     */
    public record RowResult(int row, Outcome outcome, String id, String code, String field, String detail,
                            String detailEn) {
    }

    /** What GET /api/import-jobs/{id} answers. */
    public record Progress(String jobId, String kind, String kindLabel, String fileName, Status status, int total,
                           int done, int accepted, int alreadyRecorded, int refused, Instant startedAt,
                           Instant finishedAt, Double rowsPerSecond) {
    }

    private final String jobId;
    private final ImportKind kind;
    private final String fileName;
    private final String owner;
    private final int total;
    private final Instant startedAt;
    private final AtomicReferenceArray<RowResult> results;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger alreadyRecorded = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile Status status = Status.RUNNING;
    private volatile Instant finishedAt;

    ImportJob(String jobId, ImportKind kind, String fileName, String owner, int total, Instant startedAt) {
        this.jobId = jobId;
        this.kind = kind;
        this.fileName = fileName;
        this.owner = owner;
        this.total = total;
        this.startedAt = startedAt;
        this.results = new AtomicReferenceArray<>(total);
    }

    public String jobId() {
        return jobId;
    }

    public ImportKind kind() {
        return kind;
    }

    public int total() {
        return total;
    }

    String owner() {
        return owner;
    }

    public Status status() {
        return status;
    }

    void record(int index, RowResult result) {
        results.set(index, result);
        switch (result.outcome()) {
            case ACCEPTED -> accepted.incrementAndGet();
            case ALREADY_RECORDED -> alreadyRecorded.incrementAndGet();
            case REFUSED -> refused.incrementAndGet();
        }
        done.incrementAndGet();
    }

    void finish(Status outcome, Clock clock) {
        finishedAt = clock.instant();
        status = outcome;
    }

    public Progress progress(Clock clock) {
        int rows = done.get();
        Instant end = finishedAt != null ? finishedAt : clock.instant();
        double seconds = Duration.between(startedAt, end).toMillis() / 1000.0;
        Double perSecond = seconds > 0 ? Math.round(rows / seconds * 10) / 10.0 : null;
        return new Progress(jobId, kind.path(), kind.label(), fileName, status, total, rows, accepted.get(),
                alreadyRecorded.get(), refused.get(), startedAt, finishedAt, perSecond);
    }

    /** The outcomes of the rows done so far, in the sheet's order; only those with {@code outcome} when given. */
    public List<RowResult> rows(Outcome outcome) {
        List<RowResult> rows = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            RowResult result = results.get(i);
            if (result != null && (outcome == null || result.outcome() == outcome)) {
                rows.add(result);
            }
        }
        return rows;
    }
}

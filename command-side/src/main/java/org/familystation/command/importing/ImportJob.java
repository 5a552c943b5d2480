package org.familystation.command.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One upload being imported on this node: its rows' outcomes as they come, and counts a progress bar can poll. Rows
 * run in parallel, so the outcomes are kept by row index and the counts are atomic. What is recorded here is saved
 * every second ({@link ImportJobStore}), where every node answers it.
 */
public final class ImportJob {

    /** INTERRUPTED: its node stopped, or stopped saving its progress, before the last row (ImportJobStore). */
    public enum Status { RUNNING, DONE, FAILED, INTERRUPTED }

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
    /** Rows recorded and not saved yet, by index. */
    private final Queue<Integer> unsaved = new ConcurrentLinkedQueue<>();
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

    String fileName() {
        return fileName;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
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
        unsaved.add(index);
    }

    /** The rows recorded since the last call, each with its index, taken out of the unsaved ones. */
    List<Map.Entry<Integer, RowResult>> takeUnsaved() {
        List<Map.Entry<Integer, RowResult>> taken = new ArrayList<>();
        for (Integer index = unsaved.poll(); index != null; index = unsaved.poll()) {
            taken.add(Map.entry(index, results.get(index)));
        }
        return taken;
    }

    void finish(Status outcome, Clock clock) {
        finishedAt = clock.instant();
        status = outcome;
    }

    public Progress progress(Clock clock) {
        return new Progress(jobId, kind.path(), kind.label(), fileName, status, total, done.get(), accepted.get(),
                alreadyRecorded.get(), refused.get(), startedAt, finishedAt,
                rowsPerSecond(done.get(), startedAt, finishedAt, clock));
    }

    /** Rows per second from the start to the end, or to now while running; null before the first millisecond. */
    static Double rowsPerSecond(int rows, Instant startedAt, Instant finishedAt, Clock clock) {
        Instant end = finishedAt != null ? finishedAt : clock.instant();
        double seconds = Duration.between(startedAt, end).toMillis() / 1000.0;
        return seconds > 0 ? Math.round(rows / seconds * 10) / 10.0 : null;
    }
}

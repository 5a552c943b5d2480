package org.familystation.command.importing;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.familystation.command.common.CommandSender;
import org.familystation.command.importing.ImportJob.Outcome;
import org.familystation.command.importing.ImportJob.RowResult;
import org.familystation.command.importing.ImportJobStore.StoredJob;
import org.familystation.command.scope.ScopeCheck;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.ProblemDetailsAdvice;
import org.familystation.platform.error.Problems;
import org.familystation.platform.input.NetworkDates;
import org.familystation.platform.operations.ChangeTurns;
import org.familystation.platform.security.AccessRefusals;
import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.spreadsheet.XlsxRows;
import org.familystation.platform.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs spreadsheet imports. An upload is checked at once (an .xlsx, the template's headings, not too many rows) and
 * then imported in the background, each row sent through the command gateway as the very command the API sends for
 * it, as the user who uploaded it: the scope check decides row by row where they may act, and a refusal is the
 * API's own answer (code, Chinese detail). A row's id is derived from the kind, the row's number and its cells, so
 * importing the same file again finds every row already recorded and records nothing twice. Each row takes its turn
 * among the node's changes ({@link ChangeTurns}) as an API request does, so an import waits while the read side is
 * behind and does not crowd the API's changes out.
 *
 * <p>Jobs and their reports are saved in PostgreSQL as they go ({@link ImportJobStore}: every second, which is also
 * the job's heartbeat), so any node answers their progress and report, the last {@code keptJobs} of them. A job
 * whose node dies is answered as INTERRUPTED once its heartbeat is older than {@code heartbeatTimeout}; a node that
 * stops interrupts its own jobs at once.
 */
@Component
public class ImportJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final CommandSender sender;
    private final ChangeTurns turns;
    private final EventStore events;
    private final ScopeCheck scope;
    private final NetworkDates dates;
    private final ImportProperties properties;
    private final ProblemDetailsAdvice problems;
    private final Clock clock;
    private final ExecutorService jobRunner;
    private final ExecutorService rowRunner;
    private final ScheduledExecutorService heartbeat;
    private final ImportJobStore store;
    /** This node, as the jobs it runs name it. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final Set<ImportJob> running = ConcurrentHashMap.newKeySet();
    /** Set first when the node stops: a job that then fails (its rows refused a thread) was interrupted. */
    private volatile boolean stopping;

    public ImportJobs(CommandSender sender, ChangeTurns turns, EventStore events, ScopeCheck scope, NetworkDates dates,
                      ImportProperties properties, ProblemDetailsAdvice problems, Clock clock, ImportJobStore store) {
        this.sender = sender;
        this.turns = turns;
        this.events = events;
        this.scope = scope;
        this.dates = dates;
        this.properties = properties;
        this.problems = problems;
        this.clock = clock;
        this.jobRunner = Executors.newFixedThreadPool(properties.getJobThreads(), named("import-job-"));
        this.rowRunner = Executors.newFixedThreadPool(properties.getRowThreads(), named("import-row-"));
        this.store = store;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(named("import-heartbeat-"));
        long every = properties.getSaveInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::saveRunning, every, every, TimeUnit.MILLISECONDS);
    }

    /** Checks an upload and starts importing it; refuses a file that cannot be imported before recording anything. */
    public ImportJob start(ImportKind kind, MultipartFile upload, FamilyStationUser user) {
        if (user.roles().stream().noneMatch(kind.roles()::contains)) {
            throw DomainException.refuse(AccessRefusals.FORBIDDEN);
        }
        if (upload == null || upload.isEmpty()) {
            throw DomainException.refuse(ImportRefusals.FILE_REQUIRED);
        }
        Path file = null;
        try {
            file = Files.createTempFile("familystation-import-", ".xlsx");
            upload.transferTo(file);
            int rows = dataRows(kind, file);
            ImportJob job = new ImportJob(UUID.randomUUID().toString(), kind, upload.getOriginalFilename(),
                    user.getUsername(), rows, clock.instant());
            store.create(job, node, properties.getKeptJobs());
            running.add(job);
            SecurityContext caller = SecurityContextHolder.createEmptyContext();
            caller.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
            String correlationId = CorrelationIdFilter.current();
            Path imported = file;
            try {
                jobRunner.execute(() -> run(job, imported, caller, correlationId, user));
            } catch (RuntimeException notStarted) {
                running.remove(job);
                throw notStarted;
            }
            return job;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** A job the user started, on any node; another user's is answered as unknown. */
    StoredJob find(String jobId, FamilyStationUser user) {
        return store.find(jobId, properties.getHeartbeatTimeout())
                .filter(job -> job.owner().equals(user.getUsername()))
                .orElseThrow(() -> DomainException.refuse(ImportRefusals.JOB_UNKNOWN, jobId));
    }

    /** The rows of a job the user started saved so far, in the sheet's order; only those with {@code outcome}. */
    List<RowResult> rows(String jobId, Outcome outcome, FamilyStationUser user) {
        find(jobId, user);
        return store.rows(jobId, outcome);
    }

    /** The number of data rows below the headings, once the headings are found to be the template's. */
    private int dataRows(ImportKind kind, Path file) {
        List<String> expected = kind.rows().columns().stream().map(Column::heading).toList();
        List<List<String>> headings = new ArrayList<>();
        AtomicInteger rows = new AtomicInteger();
        try {
            XlsxRows.read(file, (number, cells) -> {
                if (headings.isEmpty()) {
                    headings.add(normalised(cells));
                } else {
                    rows.incrementAndGet();
                }
            });
        } catch (XlsxRows.NotXlsxException e) {
            throw DomainException.refuse(ImportRefusals.NOT_XLSX);
        }
        List<String> got = headings.isEmpty() ? List.of() : headings.get(0);
        if (!got.equals(expected)) {
            throw DomainException.refuse(ImportRefusals.HEADINGS_MISMATCH, String.join("、", expected),
                    got.isEmpty() ? "空白" : String.join("、", got));
        }
        if (rows.get() == 0) {
            throw DomainException.refuse(ImportRefusals.NO_ROWS);
        }
        if (rows.get() > properties.getMaxRows()) {
            throw DomainException.refuse(ImportRefusals.TOO_MANY_ROWS, properties.getMaxRows(), rows.get());
        }
        return rows.get();
    }

    private void run(ImportJob job, Path file, SecurityContext caller, String correlationId, FamilyStationUser user) {
        int window = properties.getRowThreads() * 4;
        Semaphore inFlight = new Semaphore(window);
        AtomicInteger next = new AtomicInteger(-1);
        try {
            XlsxRows.read(file, (number, cells) -> {
                int index = next.getAndIncrement();
                if (index < 0 || index >= job.total()) {
                    return; // the headings
                }
                inFlight.acquireUninterruptibly();
                rowRunner.execute(() -> {
                    try {
                        job.record(index, asCaller(caller, correlationId, () -> row(job.kind(), number,
                                normalised(cells), user)));
                    } catch (CancellationException stopped) {
                        // The node stopped while the row waited for its turn: not sent, not reported.
                    } finally {
                        inFlight.release();
                    }
                });
            });
            inFlight.acquireUninterruptibly(window);
            if (stopping) {
                // Rows still waiting for their turn when the node stopped were dropped, not sent.
                end(job, ImportJob.Status.INTERRUPTED);
                return;
            }
            end(job, ImportJob.Status.DONE);
            log.info("Import {} of {} done: {}", job.jobId(), job.kind().path(), job.progress(clock));
        } catch (Exception | Error e) {
            if (stopping) {
                // The stop shut the row threads down under it; stop() marks it too, and the first mark stands.
                end(job, ImportJob.Status.INTERRUPTED);
            } else {
                log.error("Import {} of {} failed", job.jobId(), job.kind().path(), e);
                end(job, ImportJob.Status.FAILED);
            }
        } finally {
            delete(file);
        }
    }

    private void end(ImportJob job, ImportJob.Status outcome) {
        job.finish(outcome, clock);
        try {
            store.finish(job, outcome);
        } finally {
            running.remove(job);
        }
    }

    /** The heartbeat: saves what the running jobs of this node have done since the last time. */
    private void saveRunning() {
        for (ImportJob job : running) {
            try {
                store.save(job);
            } catch (RuntimeException e) {
                // The rows stay unsaved and are saved by the next beat; a job that misses beats for its heartbeat
                // timeout is answered as interrupted.
                log.warn("Could not save the progress of import {}", job.jobId(), e);
            }
        }
    }

    /**
     * Sends one row's command in its turn among the node's changes and says what became of it; throws
     * {@link CancellationException} when interrupted while waiting for the turn.
     */
    RowResult row(ImportKind kind, int number, List<String> cells, FamilyStationUser user) {
        String id = rowId(kind, number, cells);
        try {
            Object command = kind.rows().command(id, new ImportRow(number, cells, kind.rows().columns(), dates,
                    clock));
            if (events.lastSequenceNumberFor(id).isPresent()) {
                // Recorded by an earlier import of this row; out of the user's reach it is answered as unknown.
                scope.check(command, user);
                return new RowResult(number, Outcome.ALREADY_RECORDED, id, null, null, null, null);
            }
            inTurn(() -> sender.send(command));
            return new RowResult(number, Outcome.ACCEPTED, id, null, null, null, null);
        } catch (CancellationException stopped) {
            throw stopped;
        } catch (RuntimeException refused) {
            if (cause(refused, AggregateStreamCreationException.class) != null) {
                return new RowResult(number, Outcome.ALREADY_RECORDED, id, null, null, null, null);
            }
            ProblemDetail problem = problem(refused);
            Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
            return new RowResult(number, Outcome.REFUSED, null, (String) properties.get("code"),
                    (String) properties.get("field"), problem.getDetail(), (String) properties.get("detailEn"));
        }
    }

    private void inTurn(Runnable change) {
        try {
            turns.inTurn(change);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a turn");
        }
    }

    /** The answer the API gives for the same failure. */
    private ProblemDetail problem(RuntimeException failure) {
        DomainException refusal = cause(failure, DomainException.class);
        if (refusal != null) {
            return Problems.of(refusal);
        }
        AggregateNotFoundException notFound = cause(failure, AggregateNotFoundException.class);
        if (notFound != null) {
            return problems.notFound(notFound).getBody();
        }
        ConcurrencyException concurrent = cause(failure, ConcurrencyException.class);
        if (concurrent != null) {
            return problems.concurrentChange(concurrent).getBody();
        }
        return problems.unexpected(failure).getBody();
    }

    /**
     * The id a row's command creates: the same for the same row of the same kind (its number and its cells), so a
     * second import of a file finds it recorded.
     */
    static String rowId(ImportKind kind, int number, List<String> cells) {
        String key = "familystation:import:" + kind.path() + ":" + number + ":" + String.join("\u001f", cells);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Cells trimmed, trailing blank ones dropped: a re-saved file that only differs there is the same. */
    private static List<String> normalised(List<String> cells) {
        List<String> trimmed = new ArrayList<>(cells.stream().map(String::strip).toList());
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        return trimmed;
    }

    private static <T> T asCaller(SecurityContext caller, String correlationId, Supplier<T> work) {
        SecurityContextHolder.setContext(caller);
        if (correlationId != null) {
            MDC.put(CorrelationIdFilter.MDC_KEY, correlationId);
        }
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded file {}", file, e);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Running from the start: jobs start when files are uploaded. */
    @Override
    public void start() {
    }

    @Override
    public boolean isRunning() {
        return !stopping;
    }

    /**
     * Stopped first when the node stops, before the web server and Axon: a job must not go on recording rows while
     * the rest of the node shuts down (that took seconds, and a job could finish meanwhile).
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** A stopping node interrupts its running jobs, saving what they got to: nobody will finish them. */
    @Override
    @PreDestroy
    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        heartbeat.shutdownNow();
        jobRunner.shutdownNow();
        rowRunner.shutdownNow();
        for (ImportJob job : running) {
            try {
                end(job, ImportJob.Status.INTERRUPTED);
                log.warn("Import {} of {} interrupted by the node's stop: {}", job.jobId(), job.kind().path(),
                        job.progress(clock));
            } catch (RuntimeException e) {
                log.warn("Could not mark import {} interrupted; it will be once its heartbeat is old", job.jobId(), e);
            }
        }
    }
}

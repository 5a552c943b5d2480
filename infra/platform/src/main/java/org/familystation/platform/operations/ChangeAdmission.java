package org.familystation.platform.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.familystation.platform.error.Problems;
import org.familystation.platform.web.SafeMethods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Lets at most {@code familystation.operations.concurrent-changes} requests that change something (every API request
 * but the safe methods: GET, HEAD, OPTIONS, TRACE) run at once on this node; the others wait their turn, first come
 * first served, and one that has waited {@code change-wait} is answered 503 {@code SERVER_BUSY} with
 * {@code Retry-After}. Uploads of spreadsheets to import are not held: their time is the network's (an import runs
 * afterwards, in the background), and a few slow ones would otherwise hold every turn.
 * <p>
 * Two cores run only so much at once. Without a limit, 32 clients' commands ran side by side with their PostgreSQL
 * connections and the event processors, each with a thin slice of the cores. Admitted eight at a time (four per
 * core, the default), the others waiting in line without using any CPU, RecordService from 32 clients answered nearly
 * as many commands per second (1,101–1,156 against 1,131–1,329 in runs that vary by more), with p99 62–69 ms instead
 * of 85, and the read models were 255–283 ms behind at p95 instead of 407–516: the processors got their share
 * (BENCHMARKS.md, "Changes admitted a few at a time"). Four at a time was too few: 12% fewer commands per second.
 * Reads are not held: they are short, and a read must not wait behind changes.
 * <p>
 * The limit can be lowered and raised while requests run ({@link #limit(int)}): {@link FlowControl} lowers it while
 * the read side falls behind. Lowered, it lets no new change in until enough of those running have ended; raised, it
 * lets the first in line in at once.
 * <p>
 * Changes that come from inside the node (an import's rows) take the same turns ({@link #inTurn}), in the same line.
 */
public class ChangeAdmission extends OncePerRequestFilter implements ChangeTurns {

    private static final Logger log = LoggerFactory.getLogger(ChangeAdmission.class);
    private static final int RETRY_AFTER_SECONDS = 1;

    private final Turns permits;
    private final String uploadPath;
    private final long waitNanos;
    private final ObjectMapper json;
    private final LongConsumer waited;
    private volatile int limit;

    /** @param uploadPath requests below it (uploads) are not held */
    public ChangeAdmission(int limit, Duration wait, String uploadPath, ObjectMapper json) {
        this(limit, wait, uploadPath, json, nanos -> {
        });
    }

    /**
     * @param uploadPath requests below it (uploads) are not held
     * @param waited     told, for each change let in, how long it waited for its turn (nanoseconds)
     */
    public ChangeAdmission(int limit, Duration wait, String uploadPath, ObjectMapper json, LongConsumer waited) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one change must be let in at a time, not " + limit);
        }
        this.limit = limit;
        this.uploadPath = uploadPath;
        this.permits = new Turns(limit);
        this.waitNanos = wait.toNanos();
        this.json = json;
        this.waited = waited;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return SafeMethods.isSafe(request) || !path.startsWith("/api/") || path.startsWith(uploadPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        long arrived = System.nanoTime();
        try {
            admitted = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(request, response);
            return;
        }
        waited.accept(System.nanoTime() - arrived);
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    /** Waits for a turn without a deadline, in line with the requests; the wait is reported as theirs is. */
    @Override
    public void inTurn(Runnable change) throws InterruptedException {
        long arrived = System.nanoTime();
        permits.acquire();
        waited.accept(System.nanoTime() - arrived);
        try {
            change.run();
        } finally {
            permits.release();
        }
    }

    /** How many changes are let in at once now. */
    public int limit() {
        return limit;
    }

    /**
     * Lets {@code newLimit} changes in at once from now on. Changes already running run to their end; while more run
     * than the new limit, none is let in.
     */
    public synchronized void limit(int newLimit) {
        if (newLimit < 1) {
            throw new IllegalArgumentException("at least one change must be let in at a time, not " + newLimit);
        }
        if (newLimit > limit) {
            permits.release(newLimit - limit);
        } else if (newLimit < limit) {
            permits.reducePermits(limit - newLimit);
        }
        limit = newLimit;
    }

    /** Changes running now. */
    public int running() {
        return Math.max(limit - permits.availablePermits(), 0);
    }

    /** Changes waiting for their turn now (an estimate, as the JDK's queue length is). */
    public int waiting() {
        return permits.getQueueLength();
    }

    /** First come, first served; its permits can be taken away while they are held. */
    private static final class Turns extends Semaphore {

        Turns(int permits) {
            super(permits, true);
        }

        @Override
        protected void reducePermits(int reduction) {
            super.reducePermits(reduction);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.warn("Answered 503 SERVER_BUSY to {} {}: {} changes running, {} waiting", request.getMethod(),
                request.getRequestURI(), running(), waiting());
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVER_BUSY",
                "系统正忙，未能处理本次提交，请稍后重试", "the server is too busy to take this change now; try again shortly");
        problem.setProperty("retryAfterSeconds", RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        Problems.write(response, json, problem);
    }
}

package org.familystation.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps an embedded server running: checks every {@link #CHECK_INTERVAL} that it is alive and, when it died (a crash,
 * a kill -9, the OOM killer), starts it again on the same port and data, waiting 1 s before the first attempt and
 * twice as long after each failed one, up to {@link #MAX_BACK_OFF}. A server that cannot come back (its port taken,
 * its disk full) is retried for as long as the application runs, and every attempt is logged.
 * <p>
 * What uses the server reconnects by itself: Hikari opens new connections, the Elasticsearch client too, and the
 * event processors retry their failed batches with their own back-off.
 */
final class Supervisor implements AutoCloseable {

    /** One supervised server. */
    interface Server {

        /** Whether the server's process still runs (cheap: called every check). */
        boolean alive();

        /** Starts the server again; returns when it accepts requests, throws when it did not start. */
        void restart() throws Exception;
    }

    static final Duration CHECK_INTERVAL = Duration.ofMillis(500);
    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(90);
    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final String name;
    private final Server server;
    private final Thread thread;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean closed;

    private Supervisor(String name, Server server) {
        this.name = name;
        this.server = server;
        this.thread = new Thread(this::watch, "embedded-" + name.toLowerCase() + "-supervisor");
        thread.setDaemon(true);
    }

    /** Starts watching a server that is up now. */
    static Supervisor watch(String name, Server server) {
        Supervisor supervisor = new Supervisor(name, server);
        supervisor.thread.start();
        return supervisor;
    }

    /** How many times the server was started again. */
    int restarts() {
        return restarts.get();
    }

    /** Stops watching, and waits for a restart under way to end, so the owner can then stop the server for good. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean closed() {
        return closed;
    }

    private void watch() {
        try {
            while (!closed) {
                Thread.sleep(CHECK_INTERVAL.toMillis());
                if (!closed && !server.alive()) {
                    restart();
                }
            }
        } catch (InterruptedException stopping) {
            // close() was called
        }
    }

    private void restart() throws InterruptedException {
        Duration backOff = FIRST_BACK_OFF;
        for (int attempt = 1; !closed; attempt++) {
            log.error("Embedded {} is down; starting it again in {} s (attempt {})", name, backOff.toSeconds(), attempt);
            Thread.sleep(backOff.toMillis());
            if (closed) {
                return;
            }
            try {
                long startNanos = System.nanoTime();
                server.restart();
                restarts.incrementAndGet();
                log.warn("Embedded {} is up again after {} attempt(s), started in {} ms", name, attempt,
                        (System.nanoTime() - startNanos) / 1_000_000);
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                log.warn("Embedded {} did not start again: {}", name, e.toString());
                backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
            }
        }
    }
}

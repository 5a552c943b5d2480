package org.familystation.loader;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** A progress bar for one phase of loading: done / total, rate, and the time left. */
final class Progress {

    private static final int WIDTH = 30;

    private final String phase;
    private final long total;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long lastPrinted;

    Progress(String phase, long total, PrintStream out) {
        this.phase = phase;
        this.total = total;
        this.out = out;
        print(0);
    }

    void step() {
        long now = done.incrementAndGet();
        long nanos = System.nanoTime();
        if (now == total || nanos - lastPrinted > 200_000_000L) {
            lastPrinted = nanos;
            print(now);
        }
    }

    synchronized void finish() {
        print(done.get());
        out.println();
    }

    private synchronized void print(long now) {
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        double rate = now / seconds;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * now / total);
        String eta = rate > 0 && now < total ? String.format(Locale.ROOT, "%.0fs", (total - now) / rate) : "-";
        out.printf(Locale.ROOT, "\r%-22s [%s%s] %3d%% %,d/%,d  %,.0f/s  ETA %s   ", phase, "#".repeat(filled),
                ".".repeat(WIDTH - filled), total == 0 ? 100 : (int) (100 * now / total), now, total, rate, eta);
        out.flush();
    }
}

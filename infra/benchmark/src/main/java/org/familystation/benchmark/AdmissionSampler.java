package org.familystation.benchmark;

import org.familystation.loader.ApiClient;

import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the node's flow control did during a load, read from its metrics (as an operator's Prometheus would): the
 * limit of changes let in at once ({@code familystation_changes_limit}), sampled every {@value #EVERY_MILLIS} ms, and
 * how long the changes waited for their turn ({@code familystation_changes_wait_seconds}, its sum and count over the
 * load). The node's own figures, so the commands' latency can be read beside them.
 */
final class AdmissionSampler {

    private static final int EVERY_MILLIS = 250;
    private static final Pattern LIMIT = metric("familystation_changes_limit");
    private static final Pattern WAIT_SUM = metric("familystation_changes_wait_seconds_sum");
    private static final Pattern WAIT_COUNT = metric("familystation_changes_wait_seconds_count");

    private final ApiClient admin;
    private final Thread sampler;
    private final double[] waitAtStart;
    private final List<Double> limits = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    AdmissionSampler(ApiClient admin) {
        this.admin = admin;
        this.waitAtStart = waits(scrape());
        this.sampler = new Thread(this::sample, "admission-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling and answers the figures (empty when the node has no such metrics). */
    Map<String, Object> finish() throws InterruptedException {
        stopped = true;
        sampler.join();
        double[] waitAtEnd = waits(scrape());
        Map<String, Object> result = new LinkedHashMap<>();
        if (!limits.isEmpty()) {
            DoubleSummaryStatistics stats = limits.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            result.put("samples", stats.getCount());
            result.put("limitMean", Latencies.round(stats.getAverage()));
            result.put("limitMin", stats.getMin());
            result.put("limitMax", stats.getMax());
            result.put("shareOfSamplesBelowMax", Latencies.round(
                    (double) limits.stream().filter(limit -> limit < stats.getMax()).count() / stats.getCount()));
        }
        if (waitAtStart != null && waitAtEnd != null && waitAtEnd[1] > waitAtStart[1]) {
            double changes = waitAtEnd[1] - waitAtStart[1];
            result.put("changesLetIn", (long) changes);
            result.put("meanWaitMillis", Latencies.round((waitAtEnd[0] - waitAtStart[0]) * 1_000 / changes));
        }
        return result;
    }

    private void sample() {
        while (!stopped) {
            value(LIMIT, scrape()).ifPresent(limits::add);
            try {
                Thread.sleep(EVERY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String scrape() {
        ApiClient.Answer answer = admin.send("GET", "/actuator/prometheus", null);
        return answer.status() == 200 ? answer.body() : "";
    }

    /** The wait timer's sum (seconds) and count, or null. */
    private static double[] waits(String metrics) {
        OptionalDouble sum = value(WAIT_SUM, metrics);
        OptionalDouble count = value(WAIT_COUNT, metrics);
        return sum.isPresent() && count.isPresent() ? new double[]{sum.getAsDouble(), count.getAsDouble()} : null;
    }

    private static OptionalDouble value(Pattern metric, String metrics) {
        Matcher matcher = metric.matcher(metrics);
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }

    private static Pattern metric(String name) {
        return Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$");
    }
}

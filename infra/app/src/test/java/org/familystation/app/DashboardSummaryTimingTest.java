package org.familystation.app;

import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.SignedIn;
import org.familystation.query.dashboard.DashboardQueryController;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.management.ManagementFactory;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the dashboard summary takes when its answer is computed (its seven queries) and when the kept answer is
 * reused (the one token-store query): the handler alone, and over HTTP with one client and with 16 at once; printed,
 * never asserted. Each computed request asks for a period of its own that covers every service recorded, so none
 * has an answer kept yet and all read the same rows as the all-time summary.
 */
class DashboardSummaryTimingTest extends ApplicationTest {

    private static final int REQUESTS = 200;
    private static final int CLIENTS = 16;
    private static final String SUMMARY = "/api/dashboard/summary?to=2099-12&from=";

    @Autowired
    DashboardQueryController summaries;

    @Test
    void printsHowLongTheSummaryTakesComputedAndReused() throws Exception {
        List<String> stations = List.of(scenario.openStation("淳溪家庭驿站", "高淳区"),
                scenario.openStation("古柏家庭驿站", "高淳区"), scenario.openStation("桠溪家庭驿站", "高淳区"));
        String[][] services = {{"EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING"}, {"EMOTIONAL", "LEGAL_AID"},
                {"CONVENIENCE", "HOUSEKEEPING"}, {"CONVENIENCE", "EMPTY_NEST_ELDERLY_CARE"}};
        int recorded = 60;
        for (int i = 0; i < recorded; i++) {
            String[] service = services[i % services.length];
            scenario.recordService(stations.get(i % stations.size()), service[0], service[1], 5 + i % 7,
                    "2026-%02d-10T02:00:00Z".formatted(1 + i % 11), "社工服务记录" + i);
        }
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/dashboard/summary?district=高淳区").body()
                .path("services").path("total").asLong()).isEqualTo(recorded));

        // Computed and reused requests alternate, so both meet the same load on the shared machine. Warm-up first
        // (JIT, connections); every computed request has a "from" month of its own, all before the data.
        run(api, 1, 100, i -> SUMMARY + (i % 2 == 0 ? "1899-12" : YearMonth.of(1650, 1).plusMonths(i)));

        List<Long> handler = new ArrayList<>();
        for (int i = 0; i < 2 * REQUESTS; i++) {
            YearMonth from = i % 2 == 0 ? YearMonth.of(1899, 12) : YearMonth.of(1900, 1).plusMonths(i);
            long start = System.nanoTime();
            SignedIn.asAdmin(() -> summaries.summary(null, from, YearMonth.of(2099, 12)));
            handler.add((System.nanoTime() - start) / 1_000);
        }
        List<Long> overHttp = run(api, 1, 2 * REQUESTS, i -> SUMMARY + (i % 2 == 0 ? "1899-12"
                : YearMonth.of(1940, 1).plusMonths(i)));
        List<Long> atOnce = run(api, CLIENTS, 4 * REQUESTS, i -> SUMMARY + (i % 2 == 0 ? "1899-12"
                : YearMonth.of(1700, 1).plusMonths(i)));

        System.out.printf("Dashboard summary, computed vs reused (%d services in this district, all the shared test"
                        + " data; load average %.1f):%n  handler, 1 client:   %s%n  HTTP, 1 client:      %s%n"
                        + "  HTTP, %d clients:    %s%n", recorded,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), compare(handler),
                compare(overHttp), CLIENTS, compare(atOnce));
    }

    /** Sends the requests from that many clients at once; the milliseconds each took. */
    private static List<Long> run(Api api, int clients, int requests, IntFunction<String> path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String request = path.apply(i);
                answers.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    assertThat(api.get("auditor", request).status()).isEqualTo(200);
                    return (System.nanoTime() - start) / 1_000;
                }));
            }
            List<Long> micros = new ArrayList<>();
            for (Future<Long> answer : answers) {
                micros.add(answer.get());
            }
            return micros;
        } finally {
            pool.shutdown();
        }
    }

    /** The even requests' figures (reused) against the odd ones' (computed). */
    private static String compare(List<Long> micros) {
        List<Long> reused = new ArrayList<>();
        List<Long> computed = new ArrayList<>();
        for (int i = 0; i < micros.size(); i++) {
            (i % 2 == 0 ? reused : computed).add(micros.get(i));
        }
        return "computed " + figures(computed) + ", reused " + figures(reused);
    }

    private static String figures(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return "p50 %.2f ms p95 %.2f ms (%d)".formatted(sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1000.0, sorted.size());
    }
}

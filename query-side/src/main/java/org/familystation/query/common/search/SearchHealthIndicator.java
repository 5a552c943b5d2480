package org.familystation.query.common.search;

import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code search}: the cluster this application searches and indexes (embedded or {@code familystation.elasticsearch.url},
 * through the same {@link SearchClient}) answers its health within {@code familystation.search.health-timeout} and is
 * not red. Boot's own Elasticsearch indicator is switched off: it probes {@code spring.elasticsearch.uris}, by
 * default localhost:9200, which is not where this application's server is.
 * <p>
 * The probe runs on its own thread and the answer waits for it at most the health timeout: an embedded server still
 * starting has no address yet, and waiting for it would hold the health request. One probe runs at a time.
 */
@Component
public class SearchHealthIndicator implements HealthIndicator, DisposableBean {

    private final SearchClient client;
    private final SearchProperties properties;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-health-probe");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Health> probe = CompletableFuture.completedFuture(null);

    public SearchHealthIndicator(SearchClient client, SearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public Health health() {
        CompletableFuture<Health> current;
        synchronized (this) {
            if (probe.isDone()) {
                probe = CompletableFuture.supplyAsync(this::probe, prober);
            }
            current = probe;
        }
        long waitMillis = properties.getHealthTimeout().toMillis() + properties.getConnectTimeout().toMillis();
        try {
            return current.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", client.started()
                    ? "no answer within " + waitMillis + " ms" : "the embedded server is still starting").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    @Override
    public void destroy() {
        prober.shutdownNow();
    }

    private Health probe() {
        try {
            HealthResponse cluster = client.forHealth().cluster().health();
            Health.Builder builder = cluster.status() == HealthStatus.Red ? Health.down() : Health.up();
            return builder.withDetail("cluster", cluster.clusterName())
                    .withDetail("status", cluster.status().jsonValue())
                    .withDetail("nodes", cluster.numberOfNodes())
                    .build();
        } catch (Exception e) {
            return Health.down(e).build();
        }
    }
}

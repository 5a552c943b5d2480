package org.familystation.query.common.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.RestClient;
import org.familystation.platform.error.Dependency;
import org.familystation.platform.error.DependencyUnavailableException;
import org.familystation.platform.operations.CommandMetrics;
import org.familystation.platform.search.ElasticsearchEndpoint;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The Elasticsearch client, made on first use: the embedded server may still be starting while the rest of the
 * application comes up, and nothing should wait for it before it is needed.
 * <p>
 * Every request gives up on a server that does not accept the connection within the connect timeout. A user's
 * search ({@link #forQueries()}) and a health probe ({@link #forHealth()}) wait for the answer only seconds, so a
 * stuck server answers 503 {@code SEARCH_UNAVAILABLE} in time; the projections' bulk writes and a rebuild's index
 * operations ({@link #get()}) may wait longer (a rebuild waits up to a minute for replicas).
 */
@Component
public class SearchClient implements DisposableBean {

    static final String SEARCH_METER = "familystation.search";

    private final ElasticsearchEndpoint endpoint;
    private final SearchProperties properties;
    private final MeterRegistry meters;
    private volatile RestClient restClient;
    private volatile ElasticsearchClient client;
    private volatile ElasticsearchClient queries;
    private volatile ElasticsearchClient health;

    public SearchClient(ElasticsearchEndpoint endpoint, SearchProperties properties,
                        ObjectProvider<MeterRegistry> meters) {
        this.endpoint = endpoint;
        this.properties = properties;
        this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
    }

    /** For writes and index administration. */
    public ElasticsearchClient get() {
        ElasticsearchClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    restClient = RestClient.builder(HttpHost.create(address().toString()))
                            .setRequestConfigCallback(config -> config
                                    .setConnectTimeout(millis(properties.getConnectTimeout()))
                                    .setSocketTimeout(millis(properties.getWriteTimeout())))
                            .build();
                    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
                    ElasticsearchClient made = new ElasticsearchClient(
                            new RestClientTransport(restClient, new JacksonJsonpMapper(mapper)));
                    queries = withTimeout(made, properties.getQueryTimeout());
                    health = withTimeout(made, properties.getHealthTimeout());
                    client = made;
                }
                current = client;
            }
        }
        return current;
    }

    /** Where the server answers; an embedded server that could not start is search being unavailable. */
    private URI address() {
        try {
            return endpoint.uri();
        } catch (IllegalStateException notStarted) {
            throw new DependencyUnavailableException(Dependency.SEARCH, notStarted);
        }
    }

    /** For a user's search: gives up after {@code familystation.search.query-timeout}. */
    public ElasticsearchClient forQueries() {
        get();
        return queries;
    }

    /** For the health probe: gives up after {@code familystation.search.health-timeout}. */
    public ElasticsearchClient forHealth() {
        get();
        return health;
    }

    /** Whether the server's address is known yet (an embedded server still starting has none). */
    public boolean started() {
        return client != null;
    }

    /** The latency of searches of one index, by outcome ({@code ok}, {@code unavailable}, {@code error}). */
    Timer searchTimer(String index, String outcome) {
        return Timer.builder(SEARCH_METER).description("Full-text searches, by index and outcome")
                .tags("index", index, "outcome", outcome).serviceLevelObjectives(CommandMetrics.LATENCY_BUCKETS)
                .register(meters);
    }

    private ElasticsearchClient withTimeout(ElasticsearchClient made, Duration socketTimeout) {
        // The transport's own options carry the client's headers (compatibility, client meta): keep them.
        RestClientOptions.Builder options = (RestClientOptions.Builder) made._transport().options().toBuilder();
        options.restClientRequestOptionsBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(millis(properties.getConnectTimeout()))
                .setConnectionRequestTimeout(millis(properties.getConnectTimeout()))
                .setSocketTimeout(millis(socketTimeout))
                .build());
        return made.withTransportOptions(options.build());
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    @Override
    public void destroy() throws IOException {
        if (restClient != null) {
            restClient.close();
        }
    }
}

package org.familystation.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The service-record index, reached through an alias so that it can be rebuilt into a new index and swapped in.
 * Its settings and mappings are in {@code search/service-records-index.json}.
 */
@Component
public class ServiceRecordIndex {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SearchClient client;
    private final SearchProperties properties;
    private final Clock clock;
    private volatile boolean ready;

    public ServiceRecordIndex(SearchClient client, SearchProperties properties, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    public String alias() {
        return properties.getAlias();
    }

    /** Makes sure the alias points at an index, creating the first one if there is none. */
    public void ensureExists() {
        if (ready) {
            return;
        }
        synchronized (this) {
            try {
                ElasticsearchClient es = client.get();
                if (!es.indices().existsAlias(request -> request.name(alias())).value()) {
                    create(es);
                }
                ready = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Drops whatever the alias points at and starts an empty index behind it (a full replay refills it). */
    public void recreate() {
        synchronized (this) {
            try {
                ElasticsearchClient es = client.get();
                if (es.indices().existsAlias(request -> request.name(alias())).value()) {
                    var indices = es.indices().getAlias(request -> request.name(alias())).result().keySet();
                    for (String index : indices) {
                        es.indices().delete(request -> request.index(index));
                    }
                }
                create(es);
                ready = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void create(ElasticsearchClient es) throws IOException {
        String name = alias() + "-" + SUFFIX.format(clock.instant());
        es.indices().create(new CreateIndexRequest.Builder()
                .index(name)
                .withJson(new StringReader(definition()))
                .aliases(alias(), a -> a.isWriteIndex(true))
                .build());
    }

    /** The index definition, with the configured number of replicas. */
    private String definition() throws IOException {
        try (InputStream resource = getClass().getResourceAsStream("/search/service-records-index.json")) {
            ObjectNode definition = (ObjectNode) JSON.readTree(resource);
            ((ObjectNode) definition.get("settings")).put("number_of_replicas", properties.getReplicas());
            return JSON.writeValueAsString(definition);
        }
    }
}

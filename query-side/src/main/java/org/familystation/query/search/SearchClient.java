package org.familystation.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.familystation.platform.search.ElasticsearchEndpoint;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * The Elasticsearch client, made on first use: the embedded server may still be starting while the rest of the
 * application comes up, and nothing should wait for it before it is needed.
 */
@Component
public class SearchClient implements DisposableBean {

    private final ElasticsearchEndpoint endpoint;
    private volatile RestClient restClient;
    private volatile ElasticsearchClient client;

    public SearchClient(ElasticsearchEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public ElasticsearchClient get() {
        ElasticsearchClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    restClient = RestClient.builder(HttpHost.create(endpoint.uri().toString())).build();
                    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
                    client = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(mapper)));
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    public void destroy() throws IOException {
        if (restClient != null) {
            restClient.close();
        }
    }
}

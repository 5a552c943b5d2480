package org.familystation.platform.search;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.net.URI;

/** An external Elasticsearch cluster, named by {@code familystation.elasticsearch.url}. */
@AutoConfiguration
@ConditionalOnProperty("familystation.elasticsearch.url")
public class ElasticsearchEndpointConfiguration {

    @Bean
    public ElasticsearchEndpoint externalElasticsearch(Environment environment) {
        URI uri = URI.create(environment.getRequiredProperty("familystation.elasticsearch.url"));
        return () -> uri;
    }
}

package org.familystation.embedded;

import org.familystation.platform.search.ElasticsearchEndpoint;
import org.familystation.platform.search.ElasticsearchEndpointConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.io.IOException;

/**
 * Without {@code familystation.elasticsearch.url}, starts an embedded Elasticsearch below
 * {@code familystation.data-dir} and exposes it as the {@link ElasticsearchEndpoint}.
 */
@AutoConfiguration(after = ElasticsearchEndpointConfiguration.class)
@ConditionalOnMissingProperty("familystation.elasticsearch.url")
@ConditionalOnMissingBean(ElasticsearchEndpoint.class)
@EnableConfigurationProperties(EmbeddedServersProperties.class)
public class EmbeddedElasticsearchAutoConfiguration {

    /** Starting here, not on first use, lets the server's ~15 s start-up overlap the rest of the context's. */
    @Bean(destroyMethod = "close")
    EmbeddedElasticsearch embeddedElasticsearch(EmbeddedServersProperties properties) throws IOException {
        EmbeddedServersProperties.Elasticsearch settings = properties.embedded().elasticsearch();
        EmbeddedElasticsearch server = EmbeddedElasticsearch.start(properties.dataDir().resolve("elasticsearch"),
                settings.heap(),
                settings.distribution() != null ? settings.distribution() : ElasticsearchInstallation.defaultDistribution(),
                settings.startupTimeout());
        if (!properties.embedded().supervised()) {
            server.stopSupervising();
        }
        return server;
    }
}

package org.familystation.embedded;

import com.zaxxer.hikari.HikariDataSource;
import org.familystation.platform.search.ElasticsearchEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.io.IOException;

/**
 * Without {@code spring.datasource.url}, starts an embedded PostgreSQL below {@code familystation.data-dir} and
 * defines the application's DataSource on it (so Boot's DataSource auto-configuration backs off).
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnMissingProperty("spring.datasource.url")
@ConditionalOnMissingBean(DataSource.class)
@EnableConfigurationProperties(EmbeddedServersProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    /** Room for 32 command threads plus the processor threads, measured in the prototype. */
    private static final int DEFAULT_POOL_SIZE = 48;

    /**
     * Creating the search endpoint first launches an embedded Elasticsearch, the slow one, in the background before
     * PostgreSQL's start blocks this thread.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedServersProperties properties,
                                                  ObjectProvider<ElasticsearchEndpoint> search) throws IOException {
        search.getIfUnique();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.dataDir().resolve("postgres"),
                properties.embedded().postgres().durable());
        if (!properties.embedded().supervised()) {
            server.stopSupervising();
        }
        return server;
    }

    /**
     * Depends on the server bean, so the context closes the pool (and everything using it) before the server stops.
     * {@code spring.datasource.hikari.*} is bound after this method returns and so overrides the defaults set here.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.user());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(DEFAULT_POOL_SIZE);
        return dataSource;
    }
}

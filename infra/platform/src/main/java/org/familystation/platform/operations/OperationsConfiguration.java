package org.familystation.platform.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * Running the application in production: SQL of HTTP requests bounded in time ({@link RequestBoundJdbcTemplate}),
 * command metrics ({@link CommandMetrics}) and the event store's health ({@link EventStoreHealthIndicator}). The
 * 503 answers themselves are {@link org.familystation.platform.error.ProblemDetailsAdvice}'s.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = JdbcTemplateAutoConfiguration.class)
@EnableConfigurationProperties(OperationsProperties.class)
public class OperationsConfiguration {

    /** Replaces Boot's JdbcTemplate (which backs off), so every repository and projection gets this one. */
    @Bean
    public JdbcTemplate jdbcTemplate(DataSource dataSource, OperationsProperties properties) {
        return new RequestBoundJdbcTemplate(dataSource, properties.getRequestQueryTimeout());
    }

    @Bean
    public ConfigurerModule commandMetrics(ObjectProvider<MeterRegistry> registry) {
        return configurer -> configurer.configureMessageMonitor(CommandBus.class,
                (config, componentType, componentName) -> new CommandMetrics(registry.getObject()));
    }

    @Bean
    public EventStoreHealthIndicator eventStoreHealthIndicator(DataSource dataSource, EventSchema schema,
                                                               OperationsProperties properties) {
        return new EventStoreHealthIndicator(dataSource, schema, properties.getHealthTimeout());
    }
}

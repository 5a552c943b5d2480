package org.familystation.platform.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.familystation.platform.input.InputConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

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

    /**
     * After authentication (a request refused 401 or 403 takes no turn), before the rest: changes take turns
     * ({@code familystation.operations.concurrent-changes}; none are held when it is zero, and the gauges read 0).
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public FilterRegistrationBean<ChangeAdmission> changeAdmission(OperationsProperties properties, ObjectMapper json,
                                                                   ObjectProvider<MeterRegistry> registry) {
        int limit = properties.getConcurrentChanges();
        MeterRegistry meters = registry.getIfAvailable();
        Timer waits = meters == null ? null : Timer.builder("familystation.changes.wait")
                .description("how long requests that change something waited for their turn").register(meters);
        ChangeAdmission admission = new ChangeAdmission(Math.max(limit, 1), properties.getChangeWait(),
                InputConfiguration.UPLOAD_PATH, json,
                waits == null ? nanos -> { } : nanos -> waits.record(nanos, TimeUnit.NANOSECONDS));
        FilterRegistrationBean<ChangeAdmission> registration = new FilterRegistrationBean<>(admission);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setEnabled(limit > 0);
        if (meters != null) {
            Gauge.builder("familystation.changes.running", admission, ChangeAdmission::running)
                    .description("requests that change something, running now").register(meters);
            Gauge.builder("familystation.changes.waiting", admission, ChangeAdmission::waiting)
                    .description("requests that change something, waiting for their turn").register(meters);
            Gauge.builder("familystation.changes.limit", admission, ChangeAdmission::limit)
                    .description("requests that change something let in at once now (lowered while the read side"
                            + " is behind)").register(meters);
        }
        return registration;
    }

    /** The turns an import's rows take: the API's changes', where those take turns. */
    @Bean
    public ChangeTurns changeTurns(ObjectProvider<FilterRegistrationBean<ChangeAdmission>> changeAdmission) {
        FilterRegistrationBean<ChangeAdmission> registration = changeAdmission.getIfAvailable();
        return registration != null && registration.isEnabled() ? registration.getFilter() : ChangeTurns.NONE;
    }

    /**
     * Changes fewer at a time while the read side is more than {@code familystation.operations.read-side-lag-target}
     * behind ({@link FlowControl}); only where changes take turns and a read side says how far behind it is.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(ReadSideLag.class)
    public FlowControl flowControl(FilterRegistrationBean<ChangeAdmission> changeAdmission, ReadSideLag readSide,
                                   OperationsProperties properties) {
        int most = changeAdmission.getFilter().limit();
        int fewest = properties.getFewestConcurrentChanges() > 0
                ? Math.min(properties.getFewestConcurrentChanges(), most) : Math.max(most / 4, 1);
        Duration target = changeAdmission.isEnabled() ? properties.getReadSideLagTarget() : Duration.ZERO;
        return new FlowControl(changeAdmission.getFilter(), readSide, target, fewest, most);
    }

    @Bean
    public EventStoreHealthIndicator eventStoreHealthIndicator(DataSource dataSource, EventSchema schema,
                                                               OperationsProperties properties) {
        return new EventStoreHealthIndicator(dataSource, schema, properties.getHealthTimeout());
    }
}

package org.familystation.query.common;

import org.familystation.platform.operations.OperationsProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * {@code readStore}: the read models' database answers within the health timeout (it reads the event processors'
 * positions, the read side's own table). Without it no query but search can be answered.
 */
@Component
public class ReadStoreHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    public ReadStoreHealthIndicator(DataSource dataSource, OperationsProperties properties) {
        super("the read store did not answer");
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout((int) Math.max(1, properties.getHealthTimeout().toSeconds()));
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Long processors = jdbc.queryForObject("SELECT count(DISTINCT processor_name) FROM token_entry", Long.class);
        builder.up().withDetail("trackedProcessors", processors == null ? 0 : processors);
    }
}

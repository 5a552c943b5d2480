package org.familystation.platform.operations;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * {@code eventStore}: the event table answers (its newest global index, read from the primary key), within the
 * health timeout. Without it no command can be accepted.
 */
public class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;
    private final String query;

    public EventStoreHealthIndicator(DataSource dataSource, EventSchema schema, Duration timeout) {
        super("the event store did not answer");
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        this.query = "SELECT max(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Long head = jdbc.queryForObject(query, Long.class);
        builder.up().withDetail("headPosition", head == null ? -1 : head);
    }
}

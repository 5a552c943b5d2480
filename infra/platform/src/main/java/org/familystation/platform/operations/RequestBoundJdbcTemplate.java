package org.familystation.platform.operations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.request.RequestContextHolder;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The application's JdbcTemplate: a statement run for an HTTP request (on a thread serving one) gets a timeout sized
 * for an interactive API, so a slow or stuck PostgreSQL answers 503 within seconds instead of holding the request;
 * event processors and other background work, which may legitimately run longer, keep no timeout.
 */
public class RequestBoundJdbcTemplate extends JdbcTemplate {

    private final int requestTimeoutSeconds;

    public RequestBoundJdbcTemplate(DataSource dataSource, Duration requestTimeout) {
        super(dataSource);
        this.requestTimeoutSeconds = (int) Math.max(1, requestTimeout.toSeconds());
    }

    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        super.applyStatementSettings(statement);
        // A transaction's own deadline, set by super, is kept.
        if (statement.getQueryTimeout() == 0 && RequestContextHolder.getRequestAttributes() != null) {
            statement.setQueryTimeout(requestTimeoutSeconds);
        }
    }
}

package org.familystation.platform.error;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises, anywhere in a failure's chain of causes, that a dependency was down or too slow rather than that the
 * code failed: the pool found no connection in time (Hikari's {@link SQLTransientConnectionException}), the server
 * refused or dropped the connection (SQLSTATE class 08), is shutting down (57P01–57P03) or cancelled a statement
 * that ran past its timeout (57014), however Spring or Axon (event store, unit of work) wrapped it.
 */
public final class Unavailability {

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "53300");

    private Unavailability() {
    }

    public static Optional<Dependency> of(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause(), depth++) {
            if (cause instanceof DependencyUnavailableException unavailable) {
                return Optional.of(unavailable.dependency());
            }
            if (databaseDown(cause)) {
                return Optional.of(Dependency.DATABASE);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean databaseDown(Throwable cause) {
        if (cause instanceof CannotGetJdbcConnectionException || cause instanceof QueryTimeoutException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
                || cause instanceof SQLTimeoutException) {
            return true;
        }
        if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException) {
            // Their cause says more when there is one (a SQLException); without one they still mean no connection.
            return cause.getCause() == null;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        return false;
    }
}

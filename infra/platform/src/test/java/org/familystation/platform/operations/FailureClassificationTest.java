package org.familystation.platform.operations;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.familystation.platform.error.Dependency;
import org.familystation.platform.error.DependencyUnavailableException;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.familystation.platform.error.Unavailability;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a failure is told apart: a dependency that is down (503, {@code unavailable}) however Spring or Axon wrapped
 * it, a refusal (4xx, {@code refused} with its code), anything else ({@code error}). The failures are the ones the
 * pool, the driver and the frameworks throw (their real types and SQLSTATEs).
 */
class FailureClassificationTest {

    private static final Refusal REFUSAL = Refusal.invalidInput("SOMETHING_INVALID", "无效", "invalid");

    @Test
    void recognisesADatabaseThatIsDownHoweverItIsWrapped() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 3000ms.");
        assertThat(Unavailability.of(new CannotCreateTransactionException("Could not open JDBC Connection",
                poolTimeout))).contains(Dependency.DATABASE);
        assertThat(Unavailability.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                poolTimeout))).contains(Dependency.DATABASE);
        // The event store read by a command, the connection dropped (PostgreSQL's SQLSTATE 08006).
        SQLException dropped = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new ConnectException("Connection refused"));
        assertThat(Unavailability.of(new CommandExecutionException("command failed",
                new EventStoreException("Failed to read events for aggregate", dropped))))
                .contains(Dependency.DATABASE);
        // Shutting down (57P01) and a statement cancelled by its timeout (57014).
        assertThat(Unavailability.of(new SQLException("terminating connection due to administrator command",
                "57P01"))).contains(Dependency.DATABASE);
        assertThat(Unavailability.of(new SQLException("canceling statement due to statement timeout", "57014")))
                .contains(Dependency.DATABASE);
        assertThat(Unavailability.of(new IllegalStateException("wrapped",
                new DependencyUnavailableException(Dependency.SEARCH, new ConnectException())))).contains(Dependency.SEARCH);
    }

    @Test
    void aFailingStatementOrABugIsNotAnOutage() {
        assertThat(Unavailability.of(new SQLException("duplicate key value violates unique constraint", "23505")))
                .isEmpty();
        assertThat(Unavailability.of(new IllegalStateException("a bug"))).isEmpty();
        assertThat(Unavailability.of(DomainException.refuse(REFUSAL))).isEmpty();
    }

    @Test
    void commandOutcomesNameTheRefusalOrTheOutage() {
        assertThat(CommandMetrics.outcome(new CommandExecutionException("refused", DomainException.refuse(REFUSAL))))
                .containsExactly("refused", "SOMETHING_INVALID");
        assertThat(CommandMetrics.outcome(new ConcurrencyException("same aggregate")))
                .containsExactly("conflict", "CONCURRENT_CHANGE");
        assertThat(CommandMetrics.outcome(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("timeout")))).containsExactly("unavailable", "DATABASE_UNAVAILABLE");
        assertThat(CommandMetrics.outcome(new NullPointerException())).containsExactly("error", "none");
    }
}

package org.familystation.platform.eventstore;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.Serializer;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's JDBC storage engine, whose append asks PostgreSQL for the global index it gave each event (the insert's
 * generated key) and notes it in {@link AppendedPositions}. A command's answer names that position for reading
 * one's own writes; before, it took another connection and a {@code max(global_index)} query after every command.
 * Everything else, reads included, is Axon's.
 */
final class PositionReturningStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactionManager;

    /**
     * @param builder            Axon's engine settings but the transaction manager and the append statement, which
     *                           this sets
     * @param transactionManager the transactions appends run in (Axon's engine keeps its own out of reach)
     */
    PositionReturningStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager) {
        super(builder.transactionManager(transactionManager)
                .appendEvents(PositionReturningStorageEngine::appendStatement));
        this.transactionManager = transactionManager;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            Connection connection = getConnection();
            try (PreparedStatement statement = appendEvents(connection, events, serializer)) {
                statement.executeBatch();
                try (ResultSet positions = statement.getGeneratedKeys()) {
                    while (positions.next()) {
                        AppendedPositions.appended(positions.getLong(1));
                    }
                }
            } catch (SQLException e) {
                // A conflict at an aggregate's sequence number becomes Axon's concurrency exception, as in Axon.
                handlePersistenceException(e, events.get(0));
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        });
    }

    /** Axon's own statement (its columns, its handling of events not applied by an aggregate), asking for positions. */
    private static PreparedStatement appendStatement(Connection connection, EventSchema schema, Class<?> dataType,
                                                     List<? extends EventMessage<?>> events, Serializer serializer,
                                                     TimestampWriter timestamps) throws SQLException {
        return JdbcEventStorageEngineStatements.appendEvents(askingFor(schema.globalIndexColumn(), connection), schema,
                dataType, events, serializer, timestamps);
    }

    /**
     * The connection, whose statements prepared from SQL alone ask for {@code column}'s generated value (Axon's
     * statement builder prepares its insert from SQL alone).
     */
    private static Connection askingFor(String column, Connection connection) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals("prepareStatement") && arguments != null && arguments.length == 1) {
                return connection.prepareStatement((String) arguments[0], new String[] {column});
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }
}

package org.familystation.command.sagacommand;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The commands sagas and deadline handlers decide on: written to {@code saga_command} in the transaction that
 * stores the saga's state and its processor's token (so a decision is never lost, nor taken twice), then sent and
 * retried by {@link SagaCommandWorker} until they succeed or are refused. See docs/design/saga-commands.md.
 * <p>
 * Also the command bus's guard against acting twice: a command sent from the table carries its id
 * ({@value #COMMAND_ID}), and marking it done is part of the command's own transaction; a command whose row is no
 * longer pending (it succeeded before, but the answer was lost) does nothing.
 */
@Component
public class SagaCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Metadata key of a command sent from {@code saga_command}: its row. */
    public static final String COMMAND_ID = "sagaCommandId";

    private static final Logger log = LoggerFactory.getLogger(SagaCommands.class);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public SagaCommands(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * Sends the command once, whatever happens: in the current transaction (the saga's), under an id that names the
     * decision (for example {@code WithdrawOffering:<offeringId>}), so the same decision taken again is a no-op.
     */
    public void send(String commandId, Object command) {
        MetaData correlation = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getCorrelationData() : MetaData.emptyInstance();
        SerializedObject<byte[]> payload = serializer.serialize(command, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(correlation, byte[].class);
        int written = jdbc.update("""
                INSERT INTO saga_command (command_id, command_type, payload, meta_data) VALUES (?, ?, ?, ?)
                ON CONFLICT (command_id) DO NOTHING""",
                commandId, payload.getType().getName(), payload.getData(), metaData.getData());
        if (written == 0) {
            log.info("saga command {} was decided before: not sent again", commandId);
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object commandId = unitOfWork.getMessage().getMetaData().get(COMMAND_ID);
        if (commandId == null) {
            return chain.proceed();
        }
        // Inside the command's transaction: rolled back with it when the command fails or is refused.
        int pending = jdbc.update("""
                UPDATE saga_command SET status = 'DONE', finished_at = now(), last_error = NULL
                WHERE command_id = ? AND status = 'PENDING'""", commandId);
        if (pending == 0) {
            log.info("saga command {} is no longer pending (done before): skipped", commandId);
            return null;
        }
        return chain.proceed();
    }
}

package org.familystation.command.sagacommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** For saga fixtures: the commands a saga decided on, by their ids, instead of the table. */
public class RecordedSagaCommands extends SagaCommands {

    private final Map<String, Object> sent = new LinkedHashMap<>();

    public RecordedSagaCommands() {
        super(null, null);
    }

    @Override
    public void send(String commandId, Object command) {
        sent.putIfAbsent(commandId, command);
    }

    /** The commands in the order they were decided, each once. */
    public List<Object> commands() {
        return new ArrayList<>(sent.values());
    }

    public List<String> ids() {
        return new ArrayList<>(sent.keySet());
    }
}

package org.familystation.command.common;

/**
 * The processing group of the command side's registries. Its handlers run in the transaction of the command
 * whose events they see (a subscribing processor), and their failures fail that command, so a registry is never
 * behind the event store and a unique index in it refuses a racing duplicate.
 */
public final class CommandRegistries {

    public static final String PROCESSING_GROUP = "command-registries";

    private CommandRegistries() {
    }
}

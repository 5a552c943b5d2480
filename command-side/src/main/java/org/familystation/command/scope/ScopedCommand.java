package org.familystation.command.scope;

/**
 * A command that says where it acts. Every command a user may send is one: a user's command that is not is refused,
 * so a new command cannot slip past the scope check unclassified.
 */
public interface ScopedCommand {

    Place actsAt();
}

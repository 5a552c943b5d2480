package org.familystation.command.account;

import java.util.Optional;

/** What the command side knows about accounts when deciding: which usernames are taken, and by which account. */
public interface AccountRegistry {

    /** Taken by an account of the system or by one from configuration (which would shadow it at sign-in). */
    boolean usernameTaken(String username);

    /** The id of the account with this id or username. */
    Optional<String> accountId(String idOrUsername);
}

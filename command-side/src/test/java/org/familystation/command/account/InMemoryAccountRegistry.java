package org.familystation.command.account;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The usernames taken, for fixture tests. */
class InMemoryAccountRegistry implements AccountRegistry {

    private final Set<String> usernames = new HashSet<>();

    InMemoryAccountRegistry with(String username) {
        usernames.add(username);
        return this;
    }

    @Override
    public boolean usernameTaken(String username) {
        return usernames.contains(username);
    }

    @Override
    public Optional<String> accountId(String idOrUsername) {
        return Optional.empty();
    }
}

package org.familystation.platform.security;

import java.util.Optional;

/**
 * The accounts kept in the system itself (event-sourced, created and changed by administrators through the API);
 * asked after the configuration and demo accounts.
 */
public interface ManagedAccounts {

    Optional<FamilyStationUser> find(String username);
}

package org.familystation.platform.security;

import java.util.Optional;

/**
 * Where the users who may sign in are found: accounts from configuration (for bootstrapping), the demo accounts of
 * the embedded default, and the accounts kept in the system itself. The one source the security configuration asks.
 */
public interface AccountDirectory {

    Optional<FamilyStationUser> find(String username);
}

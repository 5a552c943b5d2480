package org.familystation.command.account;

import org.familystation.command.common.Rules;
import org.familystation.events.common.CityCentre;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.security.Role;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.familystation.command.account.AccountRefusals.*;

/**
 * What an account is given to do, as read from what was sent: the unit it acts for (trimmed; whether it exists is
 * the account's to decide), at least one role and, for centre staff only, their centre.
 */
public record AccessGrant(String unitId, Set<Role> roles, CityCentre centre) {

    public AccessGrant {
        unitId = unitId == null ? "" : unitId.strip();
        if (roles == null || roles.isEmpty()) {
            throw DomainException.refuseField(ROLES_REQUIRED, "roles");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        boolean centreStaff = roles.contains(Role.CENTRE_STAFF);
        if (centreStaff && centre == null) {
            throw DomainException.refuseField(CENTRE_REQUIRED, "centre");
        }
        if (!centreStaff && centre != null) {
            throw DomainException.refuseField(CENTRE_WITHOUT_CENTRE_STAFF, "centre");
        }
    }

    /** The grant as sent: role names of {@link Role}, a centre of {@link CityCentre} or none (blank). */
    public static AccessGrant read(String unitId, List<String> roleNames, String centreName) {
        if (roleNames == null || roleNames.isEmpty()) {
            throw DomainException.refuseField(ROLES_REQUIRED, "roles");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames) {
            roles.add(Rules.oneOf(Role.class, name, ROLE_UNKNOWN, "roles"));
        }
        CityCentre centre = centreName == null || centreName.isBlank() ? null
                : Rules.oneOf(CityCentre.class, centreName, CENTRE_UNKNOWN, "centre");
        return new AccessGrant(unitId, roles, centre);
    }

    /** The roles' names, sorted, as the account's events carry them. */
    Set<String> roleNames() {
        Set<String> names = new TreeSet<>();
        roles.forEach(role -> names.add(role.name()));
        return names;
    }
}

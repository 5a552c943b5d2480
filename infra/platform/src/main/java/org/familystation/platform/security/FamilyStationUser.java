package org.familystation.platform.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.Set;

/**
 * An authenticated user: who they are, which organisation unit they act for, their roles and, for the staff of a
 * city centre, which centre ({@code DOMESTIC_SERVICE_CENTRE}, {@code RIGHTS_SERVICE_CENTRE},
 * {@code SOCIAL_ORGANISATION_CENTRE}; null otherwise). {@code password} is the stored hash ({@code {argon2}...});
 * an account whose password was set by an administrator must change it before anything else
 * ({@code mustChangePassword}); a disabled account cannot sign in.
 */
public record FamilyStationUser(String username, String password, String displayName, String unitId,
                                Set<Role> roles, String centre, boolean mustChangePassword, boolean enabled)
        implements UserDetails {

    /** An enabled account whose password is its holder's own (configuration and demo accounts). */
    public FamilyStationUser(String username, String password, String displayName, String unitId, Set<Role> roles,
                             String centre) {
        this(username, password, displayName, unitId, roles, centre, false, true);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }
}

package org.familystation.platform.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.Set;

/**
 * An authenticated user: who they are, which organisation unit they act for, their roles and, for the staff of a
 * city centre, which centre ({@code DOMESTIC_SERVICE_CENTRE}, {@code RIGHTS_SERVICE_CENTRE},
 * {@code SOCIAL_ORGANISATION_CENTRE}; null otherwise).
 */
public record FamilyStationUser(String username, String password, String displayName, String unitId,
                                Set<Role> roles, String centre) implements UserDetails {

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

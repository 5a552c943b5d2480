package org.familystation.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The accounts that may use the API ({@code familystation.security.*}). Passwords are stored in Spring Security's
 * delegating format: {@code {bcrypt}$2a$...} in production, {@code {noop}text} only for local trials.
 */
@ConfigurationProperties("familystation.security")
public class AccountProperties {

    /**
     * Whether the documented demo accounts exist. Unset means: yes with the embedded servers (no
     * {@code spring.datasource.url}), no with external servers.
     */
    private Boolean demoAccounts;

    private List<Account> accounts = new ArrayList<>();

    public Boolean getDemoAccounts() {
        return demoAccounts;
    }

    public void setDemoAccounts(Boolean demoAccounts) {
        this.demoAccounts = demoAccounts;
    }

    public List<Account> getAccounts() {
        return accounts;
    }

    public void setAccounts(List<Account> accounts) {
        this.accounts = accounts;
    }

    public static class Account {
        private String username;
        private String password;
        private String displayName;
        private String unitId;
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        private String centre;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getUnitId() {
            return unitId;
        }

        public void setUnitId(String unitId) {
            this.unitId = unitId;
        }

        public String getCentre() {
            return centre;
        }

        public void setCentre(String centre) {
            this.centre = centre;
        }

        public Set<Role> getRoles() {
            return roles;
        }

        public void setRoles(Set<Role> roles) {
            this.roles = roles;
        }

        FamilyStationUser toUser() {
            // No roles means no access (docs/design/scope-rules.md), never a role by default.
            Set<Role> granted = EnumSet.noneOf(Role.class);
            granted.addAll(roles);
            return new FamilyStationUser(username, password, displayName != null ? displayName : username, unitId,
                    granted, centre);
        }
    }
}

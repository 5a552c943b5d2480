package org.familystation.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts from configuration (to bootstrap a system that has no accounts of its own yet) and, with the embedded
 * default, the demo accounts. A password given in plain text ({@code {noop}...}) is hashed at start like any other,
 * so that signing in as these accounts costs what it costs for every other (no timing difference to learn from).
 */
public class ConfiguredAccounts {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredAccounts.class);
    private static final String PLAIN = "{noop}";

    private final Map<String, FamilyStationUser> users = new LinkedHashMap<>();

    public ConfiguredAccounts(AccountProperties properties, Environment environment, PasswordEncoder encoder) {
        boolean demo = properties.getDemoAccounts() != null
                ? properties.getDemoAccounts()
                : !environment.containsProperty("spring.datasource.url");
        if (demo) {
            DemoAccounts.all().forEach(user -> users.put(user.getUsername(), user));
            log.warn("Demo accounts are enabled ({}): not for production; see README, 'Accounts'", users.keySet());
        }
        properties.getAccounts().forEach(account -> users.put(account.getUsername(), account.toUser()));
        users.replaceAll((username, user) -> user.password() != null && user.password().startsWith(PLAIN)
                ? new FamilyStationUser(user.username(), encoder.encode(user.password().substring(PLAIN.length())),
                user.displayName(), user.unitId(), user.roles(), user.centre())
                : user);
    }

    public Optional<FamilyStationUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }
}

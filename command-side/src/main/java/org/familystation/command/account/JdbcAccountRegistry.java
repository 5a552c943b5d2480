package org.familystation.command.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.familystation.command.common.CommandRegistries;
import org.familystation.command.common.Registry;
import org.familystation.events.account.AccountAccessChanged;
import org.familystation.events.account.AccountCreated;
import org.familystation.events.account.AccountDisabled;
import org.familystation.events.account.AccountEnabled;
import org.familystation.events.account.AccountPasswordChanged;
import org.familystation.events.account.AccountPasswordReset;
import org.familystation.events.common.CityCentre;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.security.ConfiguredAccounts;
import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.security.ManagedAccounts;
import org.familystation.platform.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The account registry in PostgreSQL ({@code cmd_account}), and the accounts signing in asks for after the
 * configured ones: kept in the transaction of each account command, so what an administrator changes counts from
 * the next request. Its unique index settles racing creations of one username.
 */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
@Registry(tables = "cmd_account", version = 1)
public class JdbcAccountRegistry implements AccountRegistry, ManagedAccounts {

    private final JdbcTemplate jdbc;
    private final ConfiguredAccounts configured;

    public JdbcAccountRegistry(JdbcTemplate jdbc, ConfiguredAccounts configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    @Override
    public boolean usernameTaken(String username) {
        return configured.find(username).isPresent() || Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM cmd_account WHERE username = ?)", Boolean.class, username));
    }

    @Override
    public Optional<String> accountId(String idOrUsername) {
        return jdbc.queryForList("SELECT account_id FROM cmd_account WHERE account_id = ? OR username = ?",
                String.class, idOrUsername, idOrUsername).stream().findFirst();
    }

    @Override
    public Optional<FamilyStationUser> find(String username) {
        return jdbc.query("SELECT * FROM cmd_account WHERE username = ?", (row, index) -> new FamilyStationUser(
                row.getString("username"), row.getString("password_hash"), row.getString("display_name"),
                row.getString("unit_id"), roles(row.getString("roles")), row.getString("centre"),
                row.getBoolean("must_change_password"), !row.getBoolean("disabled")), username).stream().findFirst();
    }

    @EventHandler
    void on(AccountCreated event) {
        try {
            jdbc.update("""
                    INSERT INTO cmd_account (account_id, username, display_name, unit_id, roles, centre, password_hash,
                                             must_change_password, disabled)
                    VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, FALSE)""",
                    event.accountId(), event.username(), event.displayName(), event.unitId(),
                    String.join(",", event.roles()), centre(event.centre()), event.passwordHash());
        } catch (DuplicateKeyException raced) {
            // Another request created the same username between our check and this insert.
            throw DomainException.refuseField(AccountRefusals.USERNAME_TAKEN, "username", event.username());
        }
    }

    @EventHandler
    void on(AccountAccessChanged event) {
        jdbc.update("UPDATE cmd_account SET unit_id = ?, roles = ?, centre = ? WHERE account_id = ?",
                event.unitId(), String.join(",", event.roles()), centre(event.centre()), event.accountId());
    }

    @EventHandler
    void on(AccountDisabled event) {
        jdbc.update("UPDATE cmd_account SET disabled = TRUE WHERE account_id = ?", event.accountId());
    }

    @EventHandler
    void on(AccountEnabled event) {
        jdbc.update("UPDATE cmd_account SET disabled = FALSE WHERE account_id = ?", event.accountId());
    }

    @EventHandler
    void on(AccountPasswordReset event) {
        jdbc.update("UPDATE cmd_account SET password_hash = ?, must_change_password = TRUE WHERE account_id = ?",
                event.passwordHash(), event.accountId());
    }

    @EventHandler
    void on(AccountPasswordChanged event) {
        jdbc.update("UPDATE cmd_account SET password_hash = ?, must_change_password = FALSE WHERE account_id = ?",
                event.passwordHash(), event.accountId());
    }

    private static String centre(CityCentre centre) {
        return centre == null ? null : centre.name();
    }

    private static Set<Role> roles(String names) {
        return Arrays.stream(names.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}

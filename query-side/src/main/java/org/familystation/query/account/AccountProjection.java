package org.familystation.query.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.account.AccountAccessChanged;
import org.familystation.events.account.AccountCreated;
import org.familystation.events.account.AccountDisabled;
import org.familystation.events.account.AccountEnabled;
import org.familystation.events.account.AccountPasswordChanged;
import org.familystation.events.account.AccountPasswordReset;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code rm_account}, without the password hashes (signing in reads the command side's registry). A change
 * applies only when its event is newer than what the row reflects, so redelivery changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.ACCOUNTS)
public class AccountProjection {

    private final JdbcTemplate jdbc;

    public AccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountCreated event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO rm_account (account_id, username, display_name, unit_id, unit_name, unit_level, roles,
                                        centre, must_change_password, disabled, created_at, changed_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, ?, ?, ?)
                ON CONFLICT (account_id) DO NOTHING""",
                event.accountId(), event.username(), event.displayName(), event.unitId(), event.unitName(),
                event.unitLevel().name(), String.join(",", event.roles()),
                event.centre() == null ? null : event.centre().name(), Sql.timestamp(event.createdAt()),
                Sql.timestamp(event.createdAt()), sequence);
    }

    @EventHandler
    void on(AccountAccessChanged event, @SequenceNumber long sequence) {
        update(event.accountId(), sequence, "unit_id = ?, unit_name = ?, unit_level = ?, roles = ?, centre = ?, "
                        + "changed_at = ?", event.unitId(), event.unitName(), event.unitLevel().name(),
                String.join(",", event.roles()), event.centre() == null ? null : event.centre().name(),
                Sql.timestamp(event.changedAt()));
    }

    @EventHandler
    void on(AccountDisabled event, @SequenceNumber long sequence) {
        update(event.accountId(), sequence, "disabled = TRUE, disabled_reason = ?, changed_at = ?", event.reason(),
                Sql.timestamp(event.disabledAt()));
    }

    @EventHandler
    void on(AccountEnabled event, @SequenceNumber long sequence) {
        update(event.accountId(), sequence, "disabled = FALSE, disabled_reason = NULL, changed_at = ?",
                Sql.timestamp(event.enabledAt()));
    }

    @EventHandler
    void on(AccountPasswordReset event, @SequenceNumber long sequence) {
        update(event.accountId(), sequence, "must_change_password = TRUE, changed_at = ?",
                Sql.timestamp(event.resetAt()));
    }

    @EventHandler
    void on(AccountPasswordChanged event, @SequenceNumber long sequence) {
        update(event.accountId(), sequence, "must_change_password = FALSE, changed_at = ?",
                Sql.timestamp(event.changedAt()));
    }

    private void update(String accountId, long sequence, String assignments, Object... values) {
        Sql.updateIfNewer(jdbc, "rm_account", "account_id", accountId, sequence, assignments, values);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_account");
    }
}

package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.platform.error.DomainException;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Create an account (账号) for someone who acts for a unit, with their roles (and, for centre staff, their
 * centre) and an initial password the administrator gives them, which they must change at first sign-in. Read
 * from what was sent by {@link #read}.
 *
 * @param username trimmed and in lower case
 */
public record CreateAccount(
        @TargetAggregateIdentifier String accountId,
        String username,
        String displayName,
        AccessGrant access,
        String initialPassword) implements ScopedCommand {

    static final int MAX_DISPLAY_NAME = 50;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    public CreateAccount {
        accountId = Rules.uuid(accountId, CommonRefusals.ID_INVALID, "accountId");
        String sent = username;
        username = username == null ? null : username.strip().toLowerCase(Locale.ROOT);
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw DomainException.refuseField(AccountRefusals.USERNAME_INVALID, "username", sent);
        }
        displayName = Rules.requiredText(displayName, MAX_DISPLAY_NAME, AccountRefusals.DISPLAY_NAME_INVALID,
                "displayName");
        Objects.requireNonNull(access, "access");
        Account.checkStrength(initialPassword, username, "initialPassword");
    }

    /** The command from what a client sent. */
    public static CreateAccount read(String accountId, String username, String displayName, String unitId,
                                     List<String> roles, String centre, String initialPassword) {
        return new CreateAccount(accountId, username, displayName, AccessGrant.read(unitId, roles, centre),
                initialPassword);
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }

    /** Never the password: commands end up in logs. */
    @Override
    public String toString() {
        return "CreateAccount[accountId=%s, username=%s, access=%s]".formatted(accountId, username, access);
    }
}

package org.familystation.command.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.network.UnitRegistry;
import org.familystation.command.network.UnitRegistry.UnitFacts;
import org.familystation.command.snapshot.SnapshotConfiguration;
import org.familystation.events.account.AccountAccessChanged;
import org.familystation.events.account.AccountCreated;
import org.familystation.events.account.AccountDisabled;
import org.familystation.events.account.AccountEnabled;
import org.familystation.events.account.AccountPasswordChanged;
import org.familystation.events.account.AccountPasswordReset;
import org.familystation.events.common.CityCentre;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.messaging.MetadataKeys;
import org.familystation.platform.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.familystation.command.account.AccountRefusals.*;

/**
 * An account (账号) of someone who uses the system: the unit they act for, their roles, whether it may sign in,
 * and its password's hash. Administrators create and change accounts; so who could do what, and since when, is
 * part of the history. A password an administrator set must be changed by its holder before anything else.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Account {

    static final int MIN_PASSWORD_LENGTH = 10;
    /** Long enough for any passphrase; bounds the work a hash of it costs. */
    static final int MAX_PASSWORD_LENGTH = 128;
    static final int MAX_DISPLAY_NAME = 50;
    static final int MAX_REASON = 500;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    @AggregateIdentifier
    private String accountId;
    private String username;
    private String passwordHash;
    private boolean disabled;

    protected Account() {
        // for Axon
    }

    @CommandHandler
    public Account(CreateAccount command, AccountRegistry accounts, UnitRegistry units, PasswordEncoder encoder,
                   Clock clock) {
        String id = Rules.uuid(command.accountId(), CommonRefusals.ID_INVALID, "accountId");
        String username = command.username() == null ? null : command.username().strip().toLowerCase(Locale.ROOT);
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw DomainException.refuseField(USERNAME_INVALID, "username", command.username());
        }
        String displayName = Rules.requiredText(command.displayName(), MAX_DISPLAY_NAME, DISPLAY_NAME_INVALID,
                "displayName");
        Access access = access(command.unitId(), command.roles(), command.centre(), units);
        checkStrength(command.initialPassword(), username, "initialPassword");
        if (accounts.usernameTaken(username)) {
            throw DomainException.refuseField(USERNAME_TAKEN, "username", username);
        }
        apply(new AccountCreated(id, username, displayName, access.unit.unitId(), access.unit.name(),
                access.unit.level(), access.roles, access.centre, encoder.encode(command.initialPassword()),
                clock.instant()));
    }

    @CommandHandler
    void handle(ChangeAccountAccess command, UnitRegistry units, Clock clock,
                @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        Access access = access(command.unitId(), command.roles(), command.centre(), units);
        // Only an administrator changes access: one who dropped their own ADMIN role could not undo it.
        if (username.equals(actor) && !access.roles.contains(Role.ADMIN.name())) {
            throw DomainException.refuseField(OWN_ADMIN_ROLE, "roles");
        }
        apply(new AccountAccessChanged(accountId, username, access.unit.unitId(), access.unit.name(),
                access.unit.level(), access.roles, access.centre, clock.instant()));
    }

    @CommandHandler
    void handle(DisableAccount command, Clock clock, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        String reason = Rules.requiredText(command.reason(), MAX_REASON, REASON_REQUIRED, "reason");
        if (username.equals(actor)) {
            throw DomainException.refuse(OWN_ACCOUNT_DISABLED);
        }
        if (disabled) {
            throw DomainException.refuse(ACCOUNT_ALREADY_DISABLED);
        }
        apply(new AccountDisabled(accountId, username, reason, clock.instant()));
    }

    @CommandHandler
    void handle(EnableAccount command, Clock clock) {
        if (!disabled) {
            throw DomainException.refuse(ACCOUNT_NOT_DISABLED);
        }
        apply(new AccountEnabled(accountId, username, clock.instant()));
    }

    @CommandHandler
    void handle(ResetAccountPassword command, PasswordEncoder encoder, Clock clock) {
        checkStrength(command.newPassword(), username, "newPassword");
        apply(new AccountPasswordReset(accountId, username, encoder.encode(command.newPassword()), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeOwnPassword command, PasswordEncoder encoder, Clock clock) {
        if (disabled) {
            throw DomainException.refuse(ACCOUNT_DISABLED);
        }
        if (command.currentPassword() == null || !encoder.matches(command.currentPassword(), passwordHash)) {
            throw DomainException.refuseField(BAD_CREDENTIALS, "currentPassword");
        }
        checkStrength(command.newPassword(), username, "newPassword");
        if (command.newPassword().equals(command.currentPassword())) {
            throw DomainException.refuseField(PASSWORD_UNCHANGED, "newPassword");
        }
        apply(new AccountPasswordChanged(accountId, username, encoder.encode(command.newPassword()),
                clock.instant()));
    }

    @EventSourcingHandler
    void on(AccountCreated event) {
        accountId = event.accountId();
        username = event.username();
        passwordHash = event.passwordHash();
    }

    @EventSourcingHandler
    void on(AccountDisabled event) {
        disabled = true;
    }

    @EventSourcingHandler
    void on(AccountEnabled event) {
        disabled = false;
    }

    @EventSourcingHandler
    void on(AccountPasswordReset event) {
        passwordHash = event.passwordHash();
    }

    @EventSourcingHandler
    void on(AccountPasswordChanged event) {
        passwordHash = event.passwordHash();
    }

    /** At least {@value #MIN_PASSWORD_LENGTH} characters, and not built on the username (the first thing guessed). */
    static void checkStrength(String password, String username, String field) {
        if (password != null && password.length() > MAX_PASSWORD_LENGTH) {
            throw DomainException.refuseField(PASSWORD_TOO_LONG, field, MAX_PASSWORD_LENGTH);
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
                || password.toLowerCase(Locale.ROOT).contains(username)) {
            throw DomainException.refuseField(PASSWORD_TOO_WEAK, field, MIN_PASSWORD_LENGTH);
        }
    }

    /** The unit, roles and centre an account is given, consistent with each other. */
    private static Access access(String unitId, List<String> roleNames, String centreName, UnitRegistry units) {
        UnitFacts unit = units.find(unitId == null ? "" : unitId.strip())
                .orElseThrow(() -> DomainException.refuseField(UNIT_UNKNOWN, "unitId", unitId));
        if (roleNames == null || roleNames.isEmpty()) {
            throw DomainException.refuseField(ROLES_REQUIRED, "roles");
        }
        Set<String> roles = new TreeSet<>();
        for (String name : roleNames) {
            roles.add(Rules.oneOf(Role.class, name, ROLE_UNKNOWN, "roles").name());
        }
        CityCentre centre = centreName == null || centreName.isBlank() ? null
                : Rules.oneOf(CityCentre.class, centreName, CENTRE_UNKNOWN, "centre");
        boolean centreStaff = roles.contains(Role.CENTRE_STAFF.name());
        if (centreStaff && centre == null) {
            throw DomainException.refuseField(CENTRE_REQUIRED, "centre");
        }
        if (!centreStaff && centre != null) {
            throw DomainException.refuseField(CENTRE_WITHOUT_CENTRE_STAFF, "centre");
        }
        return new Access(unit, roles, centre);
    }

    private record Access(UnitFacts unit, Set<String> roles, CityCentre centre) {
    }
}

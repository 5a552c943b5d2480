package org.familystation.command.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.network.UnitRegistry;
import org.familystation.command.network.UnitRegistry.UnitFacts;
import org.familystation.command.snapshot.SnapshotConfiguration;
import org.familystation.events.account.AccountAccessChanged;
import org.familystation.events.account.AccountCreated;
import org.familystation.events.account.AccountDisabled;
import org.familystation.events.account.AccountEnabled;
import org.familystation.events.account.AccountPasswordChanged;
import org.familystation.events.account.AccountPasswordReset;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.messaging.MetadataKeys;
import org.familystation.platform.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.Locale;

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
        String username = command.username();
        UnitFacts unit = unit(command.access(), units);
        if (accounts.usernameTaken(username)) {
            throw DomainException.refuseField(USERNAME_TAKEN, "username", username);
        }
        AccessGrant access = command.access();
        apply(new AccountCreated(command.accountId(), username, command.displayName(), unit.unitId(), unit.name(),
                unit.level(), access.roleNames(), access.centre(), encoder.encode(command.initialPassword()),
                clock.instant()));
    }

    @CommandHandler
    void handle(ChangeAccountAccess command, UnitRegistry units, Clock clock,
                @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        AccessGrant access = command.access();
        UnitFacts unit = unit(access, units);
        // Only an administrator changes access: one who dropped their own ADMIN role could not undo it.
        if (username.equals(actor) && !access.roles().contains(Role.ADMIN)) {
            throw DomainException.refuseField(OWN_ADMIN_ROLE, "roles");
        }
        apply(new AccountAccessChanged(accountId, username, unit.unitId(), unit.name(), unit.level(),
                access.roleNames(), access.centre(), clock.instant()));
    }

    @CommandHandler
    void handle(DisableAccount command, Clock clock, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (username.equals(actor)) {
            throw DomainException.refuse(OWN_ACCOUNT_DISABLED);
        }
        if (disabled) {
            throw DomainException.refuse(ACCOUNT_ALREADY_DISABLED);
        }
        apply(new AccountDisabled(accountId, username, command.reason(), clock.instant()));
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

    /** The unit an account is given (its roles and centre were read at the edge, {@link AccessGrant#read}). */
    private static UnitFacts unit(AccessGrant access, UnitRegistry units) {
        return units.find(access.unitId())
                .orElseThrow(() -> DomainException.refuseField(UNIT_UNKNOWN, "unitId", access.unitId()));
    }
}

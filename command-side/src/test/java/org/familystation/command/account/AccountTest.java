package org.familystation.command.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.command.network.InMemoryUnitRegistry;
import org.familystation.events.account.AccountAccessChanged;
import org.familystation.events.account.AccountCreated;
import org.familystation.events.account.AccountDisabled;
import org.familystation.events.account.AccountEnabled;
import org.familystation.events.account.AccountPasswordChanged;
import org.familystation.events.account.AccountPasswordReset;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;
import org.familystation.platform.messaging.MetadataKeys;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.familystation.command.account.AccountRefusals.*;
import static org.familystation.command.common.Refused.assertRefused;

class AccountTest {

    private static final String ACCOUNT = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
    private static final String HOME = "1c9d7e0a-5b4f-4e2a-8d3c-6f7a8b9c0d1e";
    private static final String CENTRE_UNIT = "6e5d4c3b-2a19-4f08-8e7d-6c5b4a392817";
    private static final String PASSWORD = "梅园新村-2026-春";
    private static final String NEW_PASSWORD = "chun-jiang-hua-yue-ye";

    private static final AccountCreated CREATED = new AccountCreated(ACCOUNT, "chenjing", "陈静", HOME,
            "梅园新村妇女儿童之家", UnitLevel.COMMUNITY_HOME, Set.of("STATION_WORKER"), null,
            Sha256Passwords.hash(PASSWORD), FixedClock.NOW);

    /** The same account as an administrator, and who sends a command (the request's user, as metadata). */
    private static final AccountCreated ADMIN_CREATED = new AccountCreated(ACCOUNT, "chenjing", "陈静", HOME,
            "梅园新村妇女儿童之家", UnitLevel.COMMUNITY_HOME, Set.of("ADMIN"), null,
            Sha256Passwords.hash(PASSWORD), FixedClock.NOW);
    private static final Map<String, Object> BY_THEMSELVES = Map.of(MetadataKeys.USER_ID, "chenjing");
    private static final Map<String, Object> BY_ANOTHER = Map.of(MetadataKeys.USER_ID, "wanghong");

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(new InMemoryAccountRegistry().with("wanghong"));
        fixture.registerInjectableResource(new InMemoryUnitRegistry()
                .with(HOME, UnitLevel.COMMUNITY_HOME, "梅园新村妇女儿童之家", "玄武区", HomeTier.STANDARD)
                .with(CENTRE_UNIT, UnitLevel.CITY_CENTRE, "妇女维权服务中心", null, null));
        fixture.registerInjectableResource(new Sha256Passwords());
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    private static CreateAccount create(String username, String unitId, List<String> roles, String centre,
                                        String password) {
        return CreateAccount.read(ACCOUNT, username, "陈静", unitId, roles, centre, password);
    }

    @Nested
    class Creating {

        @Test
        void createsWithTheHashOfTheInitialPasswordAndTheUnitOfTheTime() {
            fixture.givenNoPriorActivity()
                    .when(create(" ChenJing ", HOME, List.of("STATION_WORKER"), null, PASSWORD))
                    .expectEvents(CREATED);
        }

        @Test
        void centreStaffNameTheirCentre() {
            fixture.givenNoPriorActivity()
                    .when(create("lawyer.li", CENTRE_UNIT, List.of("CENTRE_STAFF", "AUDITOR"),
                            "RIGHTS_SERVICE_CENTRE", PASSWORD))
                    .expectEvents(new AccountCreated(ACCOUNT, "lawyer.li", "陈静", CENTRE_UNIT, "妇女维权服务中心",
                            UnitLevel.CITY_CENTRE, Set.of("AUDITOR", "CENTRE_STAFF"),
                            CityCentre.RIGHTS_SERVICE_CENTRE, Sha256Passwords.hash(PASSWORD), FixedClock.NOW));
        }

        @Test
        void theEventHoldsAnArgon2HashNeverThePassword() {
            AggregateTestFixture<Account> real = new AggregateTestFixture<>(Account.class);
            real.registerInjectableResource(new InMemoryAccountRegistry());
            real.registerInjectableResource(new InMemoryUnitRegistry()
                    .with(HOME, UnitLevel.COMMUNITY_HOME, "梅园新村妇女儿童之家", "玄武区", HomeTier.STANDARD));
            real.registerInjectableResource(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
            real.registerInjectableResource(FixedClock.CLOCK);
            real.givenNoPriorActivity()
                    .when(create("chenjing", HOME, List.of("STATION_WORKER"), null, PASSWORD))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                                    new CustomTypeSafeMatcher<AccountCreated>("an Argon2 hash") {
                                        @Override
                                        protected boolean matchesSafely(AccountCreated event) {
                                            return event.passwordHash().startsWith("$argon2id$")
                                                    && !event.passwordHash().contains(PASSWORD)
                                                    && !event.toString().contains(PASSWORD);
                                        }
                                    })));
        }

        @Test
        void refusesATakenUsername() {
            fixture.givenNoPriorActivity()
                    .when(create("wanghong", HOME, List.of("STATION_WORKER"), null, PASSWORD))
                    .expectException(Refused.with(USERNAME_TAKEN, "username"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "ab", "1chen", "chen jing", "陈静", "chen/jing",
                "a-name-that-is-far-too-long-for-one"})
        void refusesAnInvalidUsername(String username) {
            assertRefused(USERNAME_INVALID, "username",
                    () -> create(username, HOME, List.of("STATION_WORKER"), null, PASSWORD));
        }

        @Test
        void refusesAnInvalidId() {
            assertRefused(CommonRefusals.ID_INVALID, "accountId",
                    () -> CreateAccount.read("not-a-uuid", "chenjing", "陈静", HOME, List.of("STATION_WORKER"), null,
                            PASSWORD));
        }

        @Test
        void refusesABlankDisplayName() {
            assertRefused(DISPLAY_NAME_INVALID, "displayName",
                    () -> CreateAccount.read(ACCOUNT, "chenjing", " ", HOME, List.of("STATION_WORKER"), null,
                            PASSWORD));
        }

        @Test
        void refusesAnUnknownUnit() {
            fixture.givenNoPriorActivity()
                    .when(create("chenjing", "no-such-unit", List.of("STATION_WORKER"), null, PASSWORD))
                    .expectException(Refused.with(UNIT_UNKNOWN, "unitId"))
                    .expectNoEvents();
        }

        @Test
        void refusesNoRoles() {
            assertRefused(ROLES_REQUIRED, "roles", () -> create("chenjing", HOME, List.of(), null, PASSWORD));
        }

        @Test
        void refusesAnUnknownRole() {
            assertRefused(ROLE_UNKNOWN, "roles",
                    () -> create("chenjing", HOME, List.of("STATION_WORKER", "ROOT"), null, PASSWORD));
        }

        @Test
        void refusesCentreStaffWithoutACentre() {
            assertRefused(CENTRE_REQUIRED, "centre",
                    () -> create("lawyer.li", CENTRE_UNIT, List.of("CENTRE_STAFF"), null, PASSWORD));
        }

        @Test
        void refusesACentreForAnyoneButCentreStaff() {
            assertRefused(CENTRE_WITHOUT_CENTRE_STAFF, "centre",
                    () -> create("chenjing", HOME, List.of("STATION_WORKER"), "RIGHTS_SERVICE_CENTRE", PASSWORD));
        }

        @Test
        void refusesAnUnknownCentre() {
            assertRefused(CENTRE_UNKNOWN, "centre",
                    () -> create("lawyer.li", CENTRE_UNIT, List.of("CENTRE_STAFF"), "LEGAL_CENTRE", PASSWORD));
        }

        @ParameterizedTest
        @ValueSource(strings = {"short-pw", "123456789", "chenjing2026!", "My-ChenJing-pass"})
        void refusesAWeakPassword(String password) {
            assertRefused(PASSWORD_TOO_WEAK, "initialPassword",
                    () -> create("chenjing", HOME, List.of("STATION_WORKER"), null, password));
        }

        @Test
        void refusesNoPassword() {
            assertRefused(PASSWORD_TOO_WEAK, "initialPassword",
                    () -> create("chenjing", HOME, List.of("STATION_WORKER"), null, null));
        }

        @Test
        void refusesAnOverlongPassword() {
            assertRefused(PASSWORD_TOO_LONG, "initialPassword",
                    () -> create("chenjing", HOME, List.of("STATION_WORKER"), null, "x".repeat(129)));
        }
    }

    @Nested
    class ChangingAccess {

        @Test
        void changesUnitRolesAndCentre() {
            fixture.given(CREATED)
                    .when(ChangeAccountAccess.read(ACCOUNT, CENTRE_UNIT, List.of("CENTRE_STAFF"),
                            "RIGHTS_SERVICE_CENTRE"))
                    .expectEvents(new AccountAccessChanged(ACCOUNT, "chenjing", CENTRE_UNIT, "妇女维权服务中心",
                            UnitLevel.CITY_CENTRE, Set.of("CENTRE_STAFF"), CityCentre.RIGHTS_SERVICE_CENTRE,
                            FixedClock.NOW));
        }

        @Test
        void refusesWhatCreatingRefuses() {
            assertRefused(CENTRE_REQUIRED, "centre",
                    () -> ChangeAccountAccess.read(ACCOUNT, HOME, List.of("CENTRE_STAFF"), null));
        }

        @Test
        void refusesAnUnknownUnit() {
            fixture.given(CREATED)
                    .when(ChangeAccountAccess.read(ACCOUNT, "no-such-unit", List.of("AUDITOR"), null))
                    .expectException(Refused.with(UNIT_UNKNOWN, "unitId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAdministratorRemovingTheirOwnAdminRole() {
            fixture.given(ADMIN_CREATED)
                    .when(ChangeAccountAccess.read(ACCOUNT, HOME, List.of("OPERATOR"), null), BY_THEMSELVES)
                    .expectException(Refused.with(OWN_ADMIN_ROLE, "roles"))
                    .expectNoEvents();
        }

        @Test
        void anAdministratorMayChangeTheirOwnUnitKeepingAdmin() {
            fixture.given(ADMIN_CREATED)
                    .when(ChangeAccountAccess.read(ACCOUNT, HOME, List.of("ADMIN", "AUDITOR"), null), BY_THEMSELVES)
                    .expectEvents(new AccountAccessChanged(ACCOUNT, "chenjing", HOME, "梅园新村妇女儿童之家",
                            UnitLevel.COMMUNITY_HOME, Set.of("ADMIN", "AUDITOR"), null, FixedClock.NOW));
        }

        @Test
        void anotherAdministratorMayRemoveTheAdminRole() {
            fixture.given(ADMIN_CREATED)
                    .when(ChangeAccountAccess.read(ACCOUNT, HOME, List.of("OPERATOR"), null), BY_ANOTHER)
                    .expectEvents(new AccountAccessChanged(ACCOUNT, "chenjing", HOME, "梅园新村妇女儿童之家",
                            UnitLevel.COMMUNITY_HOME, Set.of("OPERATOR"), null, FixedClock.NOW));
        }
    }

    @Nested
    class DisablingAndEnabling {

        private final AccountDisabled disabled = new AccountDisabled(ACCOUNT, "chenjing", "调离岗位", FixedClock.NOW);

        @Test
        void disablesWithAReason() {
            fixture.given(CREATED)
                    .when(new DisableAccount(ACCOUNT, " 调离岗位 "))
                    .expectEvents(disabled);
        }

        @Test
        void refusesDisablingWithoutAReason() {
            assertRefused(REASON_REQUIRED, "reason", () -> new DisableAccount(ACCOUNT, ""));
            assertRefused(REASON_REQUIRED, "reason",
                    () -> new DisableAccount(ACCOUNT, "因".repeat(DisableAccount.MAX_REASON + 1)));
        }

        @Test
        void refusesDisablingTwice() {
            fixture.given(CREATED, disabled)
                    .when(new DisableAccount(ACCOUNT, "再次停用"))
                    .expectException(Refused.with(ACCOUNT_ALREADY_DISABLED))
                    .expectNoEvents();
        }

        @Test
        void refusesDisablingOnesOwnAccount() {
            fixture.given(ADMIN_CREATED)
                    .when(new DisableAccount(ACCOUNT, "交接完毕"), BY_THEMSELVES)
                    .expectException(Refused.with(OWN_ACCOUNT_DISABLED))
                    .expectNoEvents();
        }

        @Test
        void anotherAdministratorDisablesIt() {
            fixture.given(ADMIN_CREATED)
                    .when(new DisableAccount(ACCOUNT, "调离岗位"), BY_ANOTHER)
                    .expectEvents(disabled);
        }

        @Test
        void enablesADisabledAccount() {
            fixture.given(CREATED, disabled)
                    .when(new EnableAccount(ACCOUNT))
                    .expectEvents(new AccountEnabled(ACCOUNT, "chenjing", FixedClock.NOW));
        }

        @Test
        void refusesEnablingAnEnabledAccount() {
            fixture.given(CREATED)
                    .when(new EnableAccount(ACCOUNT))
                    .expectException(Refused.with(ACCOUNT_NOT_DISABLED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Passwords {

        @Test
        void anAdministratorResetsIt() {
            fixture.given(CREATED)
                    .when(new ResetAccountPassword(ACCOUNT, NEW_PASSWORD))
                    .expectEvents(new AccountPasswordReset(ACCOUNT, "chenjing", Sha256Passwords.hash(NEW_PASSWORD),
                            FixedClock.NOW));
        }

        @Test
        void refusesAWeakReset() {
            fixture.given(CREATED)
                    .when(new ResetAccountPassword(ACCOUNT, "chenjing-1"))
                    .expectException(Refused.with(PASSWORD_TOO_WEAK, "newPassword"))
                    .expectNoEvents();
        }

        @Test
        void theHolderChangesItGivingTheCurrentOne() {
            fixture.given(CREATED)
                    .when(new ChangeOwnPassword(ACCOUNT, PASSWORD, NEW_PASSWORD))
                    .expectEvents(new AccountPasswordChanged(ACCOUNT, "chenjing",
                            Sha256Passwords.hash(NEW_PASSWORD), FixedClock.NOW));
        }

        @Test
        void theCurrentPasswordIsTheLatestReset() {
            fixture.given(CREATED, new AccountPasswordReset(ACCOUNT, "chenjing", Sha256Passwords.hash(NEW_PASSWORD),
                            FixedClock.NOW))
                    .when(new ChangeOwnPassword(ACCOUNT, PASSWORD, "qiu-yue-he-shi-le"))
                    .expectException(Refused.with(BAD_CREDENTIALS, "currentPassword"))
                    .expectNoEvents();
        }

        @Test
        void refusesAWrongCurrentPassword() {
            fixture.given(CREATED)
                    .when(new ChangeOwnPassword(ACCOUNT, "not-the-password", NEW_PASSWORD))
                    .expectException(Refused.with(BAD_CREDENTIALS, "currentPassword"))
                    .expectNoEvents();
        }

        @Test
        void refusesTheSamePasswordAgain() {
            fixture.given(CREATED)
                    .when(new ChangeOwnPassword(ACCOUNT, PASSWORD, PASSWORD))
                    .expectException(Refused.with(PASSWORD_UNCHANGED, "newPassword"))
                    .expectNoEvents();
        }

        @Test
        void refusesAWeakNewPassword() {
            fixture.given(CREATED)
                    .when(new ChangeOwnPassword(ACCOUNT, PASSWORD, "too-short"))
                    .expectException(Refused.with(PASSWORD_TOO_WEAK, "newPassword"))
                    .expectNoEvents();
        }

        @Test
        void refusesChangingTheOwnPasswordOfADisabledAccount() {
            fixture.given(CREATED, new AccountDisabled(ACCOUNT, "chenjing", "调离岗位", FixedClock.NOW))
                    .when(new ChangeOwnPassword(ACCOUNT, PASSWORD, NEW_PASSWORD))
                    .expectException(Refused.with(ACCOUNT_DISABLED))
                    .expectNoEvents();
        }

        @Test
        void commandsNeverShowPasswordsInLogs() {
            assertThat(create("chenjing", HOME, List.of("STATION_WORKER"), null, PASSWORD).toString())
                    .doesNotContain(PASSWORD);
            assertThat(new ResetAccountPassword(ACCOUNT, PASSWORD).toString()).doesNotContain(PASSWORD);
            assertThat(new ChangeOwnPassword(ACCOUNT, PASSWORD, NEW_PASSWORD).toString())
                    .doesNotContain(PASSWORD).doesNotContain(NEW_PASSWORD);
        }
    }
}

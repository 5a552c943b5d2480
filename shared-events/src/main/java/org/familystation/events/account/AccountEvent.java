package org.familystation.events.account;

/**
 * Everything that can happen to an account of the system (账号): created by an administrator with a unit, roles and
 * an initial password, its unit and roles changed, disabled and enabled, its password reset by an administrator or
 * changed by its holder. Events carry the password's hash (in Spring Security's {@code {id}hash} form), never the
 * password.
 */
public sealed interface AccountEvent permits AccountCreated, AccountAccessChanged, AccountDisabled, AccountEnabled,
        AccountPasswordReset, AccountPasswordChanged {

    String accountId();

    String username();
}

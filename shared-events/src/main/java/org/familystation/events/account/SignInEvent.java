package org.familystation.events.account;

/**
 * What the sign-in guard records in the history: events of no aggregate, kept in the event store (and so in the
 * audit trail) under their own ids.
 */
public sealed interface SignInEvent permits SignInLockedOut {
}

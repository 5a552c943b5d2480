package org.familystation.query.common;

import java.util.Set;

/**
 * Event payload fields no read side shows, to anyone: an account's password hash (Argon2id) is a secret even to
 * administrators and auditors. Histories and the audit trail drop them from the payload they show.
 */
public final class SecretFields {

    public static final Set<String> NAMES = Set.of("passwordHash");

    private SecretFields() {
    }
}

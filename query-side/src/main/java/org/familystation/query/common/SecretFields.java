package org.familystation.query.common;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Event payload fields no read side shows, to anyone: an account's password hash (Argon2id) is a secret even to
 * administrators and auditors. Histories drop them from the payload they show; the audit trail never stores them.
 */
public final class SecretFields {

    public static final Set<String> NAMES = Set.of("passwordHash");

    /**
     * The field with its value and one adjoining comma, in the compact JSON the event store holds (a hash is a
     * string without quotes, or null). Text, not a parse and a re-write: the trail keeps the payload's text as
     * written, and the migration that cleaned the rows written before does the same to them.
     */
    private static final Pattern PASSWORD_HASH =
            Pattern.compile("\"passwordHash\":(?:null|\"[^\"\\\\]*\"),|,?\"passwordHash\":(?:null|\"[^\"\\\\]*\")");

    private SecretFields() {
    }

    /** The payload as stored, without its secret fields. */
    public static String stripped(String payloadJson) {
        return payloadJson.contains("\"passwordHash\"") ? PASSWORD_HASH.matcher(payloadJson).replaceAll("") : payloadJson;
    }
}

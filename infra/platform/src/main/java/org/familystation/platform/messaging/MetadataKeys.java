package org.familystation.platform.messaging;

/** The metadata every command and event carries: who, from which unit, and which request caused it. */
public final class MetadataKeys {

    /** The authenticated user's login name. */
    public static final String USER_ID = "userId";
    /** The user id of what the system does of itself, on nobody's request (a command without a user, a deadline). */
    public static final String SYSTEM_USER = "system";
    /** The organisation unit the user acts for. */
    public static final String UNIT_ID = "unitId";
    /** One id for everything one request caused (from {@code X-Correlation-Id} when the client sends one). */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one (for an event: its command). */
    public static final String CAUSATION_ID = "causationId";

    private MetadataKeys() {
    }
}

package org.familystation.platform.error;

/** What kind of refusal it is; decides the HTTP status. */
public enum RefusalKind {
    /** The input itself is wrong, whatever the state of the system (400). */
    INVALID_INPUT(400),
    /** The user is known, but the thing addressed is not theirs to act on (403), e.g. another centre's referral. */
    FORBIDDEN(403),
    /** The thing addressed does not exist (404). */
    NOT_FOUND(404),
    /** The request conflicts with what exists: a duplicate, or a state already reached (409). */
    CONFLICT(409),
    /** The input is well-formed but a business rule forbids it in the current state (422). */
    RULE_VIOLATED(422);

    private final int httpStatus;

    RefusalKind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}

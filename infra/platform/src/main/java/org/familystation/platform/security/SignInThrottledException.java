package org.familystation.platform.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A sign-in refused because the username or the client address is locked out for {@code retryAfter}. */
public class SignInThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super("too many failed sign-ins; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as the {@code Retry-After} header gives them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}

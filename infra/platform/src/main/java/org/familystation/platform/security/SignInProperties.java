package org.familystation.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How signing in behaves ({@code familystation.security.*}): the web session's idle timeout, how long a verified
 * password is remembered, and when repeated failures lock a username or a client address out.
 */
@ConfigurationProperties("familystation.security")
public class SignInProperties {

    /** A web session ends after this long without a request. */
    private Duration sessionIdleTimeout = Duration.ofMinutes(30);

    /**
     * How long a password once verified is accepted again without running the (deliberately slow) hash: scripts
     * sign every request with HTTP Basic. Zero verifies every request.
     */
    private Duration credentialCacheTtl = Duration.ofMinutes(5);

    private final Throttle throttle = new Throttle();

    public Duration getSessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    public void setSessionIdleTimeout(Duration sessionIdleTimeout) {
        this.sessionIdleTimeout = sessionIdleTimeout;
    }

    public Duration getCredentialCacheTtl() {
        return credentialCacheTtl;
    }

    public void setCredentialCacheTtl(Duration credentialCacheTtl) {
        this.credentialCacheTtl = credentialCacheTtl;
    }

    public Throttle getThrottle() {
        return throttle;
    }

    /**
     * Failures in a row (within {@code memory} of each other) before a lock: the first lock lasts {@code firstLock},
     * each further failure after a lock doubles it, up to {@code longestLock}. An address is allowed more failures
     * than an account: many people may sign in from behind one address.
     */
    public static class Throttle {

        private int accountFailures = 5;
        private int addressFailures = 30;
        private Duration firstLock = Duration.ofSeconds(30);
        private Duration longestLock = Duration.ofMinutes(30);
        private Duration memory = Duration.ofHours(1);

        public int getAccountFailures() {
            return accountFailures;
        }

        public void setAccountFailures(int accountFailures) {
            this.accountFailures = accountFailures;
        }

        public int getAddressFailures() {
            return addressFailures;
        }

        public void setAddressFailures(int addressFailures) {
            this.addressFailures = addressFailures;
        }

        public Duration getFirstLock() {
            return firstLock;
        }

        public void setFirstLock(Duration firstLock) {
            this.firstLock = firstLock;
        }

        public Duration getLongestLock() {
            return longestLock;
        }

        public void setLongestLock(Duration longestLock) {
            this.longestLock = longestLock;
        }

        public Duration getMemory() {
            return memory;
        }

        public void setMemory(Duration memory) {
            this.memory = memory;
        }
    }
}

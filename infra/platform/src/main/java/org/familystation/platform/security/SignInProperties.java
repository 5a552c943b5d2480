package org.familystation.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How signing in behaves ({@code familystation.security.*}): the web session's idle timeout, how long a verified
 * password is remembered, when repeated failures lock a username or a client address out, and what a password hash
 * costs.
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

    private final PasswordHashing passwordHashing = new PasswordHashing();

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

    public PasswordHashing getPasswordHashing() {
        return passwordHashing;
    }

    /**
     * What a new Argon2id hash costs: Spring Security's 5.8 defaults (16 MiB, 2 iterations), which a deployment keeps.
     * The tests of the whole application lower it, since they sign in with wrong passwords by the hundred; a stored
     * hash carries its own cost, so hashes of either cost are read.
     */
    public static class PasswordHashing {

        private int memoryKib = 16 * 1024;
        private int iterations = 2;

        public int getMemoryKib() {
            return memoryKib;
        }

        public void setMemoryKib(int memoryKib) {
            this.memoryKib = memoryKib;
        }

        public int getIterations() {
            return iterations;
        }

        public void setIterations(int iterations) {
            this.iterations = iterations;
        }
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

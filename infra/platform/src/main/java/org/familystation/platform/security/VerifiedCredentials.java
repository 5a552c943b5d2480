package org.familystation.platform.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords verified recently, so that a script signing every request with HTTP Basic pays for the slow hash once
 * every few minutes, not on every request. Kept under an HMAC-SHA-256 of username and password with a key drawn at
 * start and never stored: the memory holds neither a password nor anything a guess could be checked against
 * offline. An entry vouches only for the stored hash it was verified against, so a password reset or change makes
 * it worthless at once; disabling is checked on every request anyway.
 */
public class VerifiedCredentials {

    private static final int PRUNE_ABOVE = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    public VerifiedCredentials(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether this username and password were verified against {@code storedHash} within the time to live. */
    public boolean vouchFor(String username, String password, String storedHash) {
        if (ttl.isZero()) {
            return false;
        }
        Entry entry = verified.get(mac(username, password));
        return entry != null && entry.storedHash.equals(storedHash) && entry.until.isAfter(clock.instant());
    }

    public void remember(String username, String password, String storedHash) {
        if (ttl.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (verified.size() >= PRUNE_ABOVE) {
            verified.values().removeIf(entry -> !entry.until.isAfter(now));
        }
        verified.put(mac(username, password), new Entry(storedHash, now.plus(ttl)));
    }

    /** Forgets every verified password (the next request of each pays for the hash again). */
    public void forgetAll() {
        verified.clear();
    }

    private String mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return Base64.getEncoder().encodeToString(hmac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
        }
    }

    private record Entry(String storedHash, Instant until) {
    }
}

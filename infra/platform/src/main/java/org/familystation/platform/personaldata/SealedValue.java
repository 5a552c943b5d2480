package org.familystation.platform.personaldata;

import org.familystation.events.personaldata.DataSubjectKind;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A personal value as the event store keeps it: {@code pd1:<subject>:<base64 of nonce and AES-GCM ciphertext>},
 * the subject ({@code REFERRAL/4f0c…}) in the clear so that any reader of stored JSON (the audit trail, a replay)
 * knows whose key opens it, and bound to the ciphertext as associated data so that a value cannot be moved to
 * another subject. A value with nothing after the subject is one written after its subject was erased. A stored
 * string without the prefix is plain text written before encryption existed, and reads as it is.
 */
public record SealedValue(String subject, byte[] sealed) {

    static final String PREFIX = "pd1:";
    private static final String ALGORITHM = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> KINDS = Arrays.stream(DataSubjectKind.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The stored value, or null when {@code stored} is plain text: anything that is not exactly of the sealed form
     * (a subject of a known kind, nothing or at least a nonce and a tag of base64) is text someone typed.
     */
    public static SealedValue parse(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return null;
        }
        int end = stored.lastIndexOf(':');
        int slash = stored.indexOf('/', PREFIX.length());
        if (end <= PREFIX.length() || slash < 0 || slash + 1 >= end
                || !KINDS.contains(stored.substring(PREFIX.length(), slash))) {
            return null;
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(end + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (sealed.length > 0 && sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            return null;
        }
        return new SealedValue(stored.substring(PREFIX.length(), end), sealed);
    }

    public static SealedValue seal(String subject, SecretKey key, String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return new SealedValue(subject, ByteBuffer.allocate(NONCE_BYTES + ciphertext.length)
                    .put(nonce).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    /** What is stored for a subject that was erased before the value was written. */
    public static SealedValue erased(String subject) {
        return new SealedValue(subject, new byte[0]);
    }

    public boolean isErased() {
        return sealed.length == 0;
    }

    public String open(SecretKey key) {
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data of " + subject + " does not open with its key", e);
        }
    }

    /** The stored form. */
    @Override
    public String toString() {
        return PREFIX + subject + ":" + Base64.getEncoder().encodeToString(sealed);
    }
}

package org.familystation.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * An organisation's 18-character unified social credit code (统一社会信用代码, GB 32100-2015). Only valid codes can
 * be constructed: the alphabet excludes I, O, Z, S and V, and the last character is a check character computed
 * from the first 17 with weights 3^i mod 31.
 */
public record UnifiedSocialCreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int LENGTH = 18;

    public UnifiedSocialCreditCode {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid unified social credit code: " + value);
        }
    }

    @JsonCreator
    public static UnifiedSocialCreditCode of(String value) {
        return new UnifiedSocialCreditCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** True when the text is 18 characters of the code's alphabet and its check character is right. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return text.charAt(LENGTH - 1) == checkCharacter(text.substring(0, LENGTH - 1));
    }

    /** The check character for the first 17 characters of a code (all of them in the code's alphabet). */
    public static char checkCharacter(String first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected 17 characters, got " + first17.length());
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < LENGTH - 1; i++) {
            int digit = ALPHABET.indexOf(first17.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not in the code's alphabet: " + first17.charAt(i));
            }
            sum += digit * weight;
            weight = weight * 3 % 31;
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }
}

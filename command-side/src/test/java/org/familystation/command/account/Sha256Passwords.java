package org.familystation.command.account;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An unsalted, hence repeatable, hash: so that a fixture can name the events it expects. Tests only. */
class Sha256Passwords implements PasswordEncoder {

    static String hash(String raw) {
        try {
            return "{sha256}" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String encode(CharSequence raw) {
        return hash(raw.toString());
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        return hash(raw.toString()).equals(encoded);
    }
}

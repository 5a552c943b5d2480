package org.familystation.platform.personaldata;

import javax.crypto.SecretKey;
import java.util.Optional;

/**
 * The data key of each data subject ({@code REFERRAL/4f0c…}): created the first time a personal value of the
 * subject is stored, deleted when the subject is erased. A deleted key is never created again, so data written
 * about an erased subject is erased as it is written.
 */
public interface DataKeys {

    /** The subject's key, created now if it has none; empty when the subject was erased. */
    Optional<SecretKey> keyToWrite(String subject);

    /** The subject's key; empty when the subject was erased (or never had one). */
    Optional<SecretKey> keyToRead(String subject);

    /** Whether the subject was erased. */
    boolean erased(String subject);

    /**
     * Deletes the subject's key, keeping that it was erased and when; false when it already was. Runs in the
     * caller's transaction.
     */
    boolean erase(String subject);
}

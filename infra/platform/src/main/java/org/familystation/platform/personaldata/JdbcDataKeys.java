package org.familystation.platform.personaldata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys in {@code personal_data_key}, one row per subject; an erased subject keeps its row with the key set to
 * null. Keys read are cached for a short while ({@code familystation.personal-data.key-cache}), since every
 * projection reading a personal value needs one; an erasure on this node takes effect at once, on another node
 * when its cached key expires.
 */
public class JdbcDataKeys implements DataKeys {

    private static final String ALGORITHM = "AES";
    private static final int MAX_CACHED = 100_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final long cacheNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final KeyGenerator generator;

    /** A subject's row as last read: its key, or none (no key yet, or erased), and whether it was erased. */
    private record Cached(Optional<SecretKey> key, boolean erased, long loadedAt) {
    }

    public JdbcDataKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, Duration cacheFor) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cacheNanos = cacheFor.toNanos();
        try {
            this.generator = KeyGenerator.getInstance(ALGORITHM);
            this.generator.init(256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new key is committed in a transaction of its own before anything is encrypted with it: were it created in
     * the command's transaction and that rolled back, a value encrypted with it could still be written by a retry
     * that found the key in the cache, and never open again.
     */
    @Override
    public Optional<SecretKey> keyToWrite(String subject) {
        Cached known = cached(subject);
        if (known != null && (known.key().isPresent() || known.erased())) {
            return known.key();
        }
        Cached created = ownTransaction.execute(status -> {
            Subject parts = Subject.of(subject);
            jdbc.update("""
                    INSERT INTO personal_data_key (subject_kind, subject_id, data_key, created_at)
                    VALUES (?, ?, ?, now()) ON CONFLICT (subject_kind, subject_id) DO NOTHING""",
                    parts.kind(), parts.id(), generator.generateKey().getEncoded());
            return load(parts);
        });
        return remember(subject, created).key();
    }

    @Override
    public Optional<SecretKey> keyToRead(String subject) {
        return row(subject).key();
    }

    @Override
    public boolean erased(String subject) {
        return row(subject).erased();
    }

    private Cached row(String subject) {
        Cached known = cached(subject);
        return known != null ? known : remember(subject, load(Subject.of(subject)));
    }

    @Override
    public boolean erase(String subject) {
        Subject parts = Subject.of(subject);
        int erased = jdbc.update("""
                INSERT INTO personal_data_key (subject_kind, subject_id, data_key, created_at, erased_at)
                VALUES (?, ?, NULL, now(), now())
                ON CONFLICT (subject_kind, subject_id) DO UPDATE SET data_key = NULL, erased_at = now()
                WHERE personal_data_key.erased_at IS NULL""", parts.kind(), parts.id());
        // Forgotten rather than remembered as erased: should the erasing transaction roll back, the key is read again.
        cache.remove(subject);
        return erased > 0;
    }

    private Cached load(Subject subject) {
        List<Cached> rows = jdbc.query(
                "SELECT data_key, erased_at FROM personal_data_key WHERE subject_kind = ? AND subject_id = ?",
                (row, index) -> {
                    byte[] key = row.getBytes("data_key");
                    return new Cached(key == null ? Optional.empty() : Optional.of(new SecretKeySpec(key, ALGORITHM)),
                            row.getTimestamp("erased_at") != null, System.nanoTime());
                }, subject.kind(), subject.id());
        return rows.isEmpty() ? new Cached(Optional.empty(), false, System.nanoTime()) : rows.get(0);
    }

    /** The cached row, or null when there is none (or it expired). */
    private Cached cached(String subject) {
        Cached cached = cache.get(subject);
        return cached == null || System.nanoTime() - cached.loadedAt() > cacheNanos ? null : cached;
    }

    private Cached remember(String subject, Cached row) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(subject, row);
        return row;
    }

    /** {@code REFERRAL/4f0c…} as its kind and id. */
    record Subject(String kind, String id) {
        static Subject of(String subject) {
            int slash = subject.indexOf('/');
            if (slash <= 0 || slash == subject.length() - 1) {
                throw new IllegalArgumentException("not a data subject: " + subject);
            }
            return new Subject(subject.substring(0, slash), subject.substring(slash + 1));
        }
    }
}

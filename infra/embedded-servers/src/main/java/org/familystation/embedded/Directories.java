package org.familystation.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** File-system helpers shared by the Elasticsearch installation and its data folder. */
final class Directories {

    private Directories() {
    }

    /** A folder outside any home directory, surviving reboots where the system allows it. */
    static Path sharedTemp() {
        Path varTmp = Path.of("/var/tmp");
        return Files.isDirectory(varTmp) ? varTmp : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** A short, stable name for some content, to key folders by. */
    static String fingerprint(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

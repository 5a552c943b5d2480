package org.familystation.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

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

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

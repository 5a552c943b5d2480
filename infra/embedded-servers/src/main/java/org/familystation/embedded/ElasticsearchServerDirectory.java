package org.familystation.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder that holds the server's own {@code data/}, {@code logs/} and {@code tmp/}: the state directory
 * ({@code <data-dir>/elasticsearch}), unless the server's user cannot enter it (a parent folder without o+x,
 * typically /root or a test's mode-700 temporary folder); then a folder under /var/tmp named after it.
 */
final class ElasticsearchServerDirectory {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchServerDirectory.class);
    private static final String TMP = "tmp";
    private static final String FALLBACK_PREFIX = "familystation-elasticsearch-data-";
    /** In a fallback folder: the state directory it stands in for. */
    private static final String ORIGIN_FILE = "origin";

    private ElasticsearchServerDirectory() {
    }

    /** @param runAs the user the server runs as, when it is not the current one */
    static Path prepare(Path stateDirectory, Optional<UnprivilegedUser> runAs) throws IOException {
        if (runAs.isEmpty()) {
            createSubdirectories(stateDirectory);
            return stateDirectory;
        }
        UnprivilegedUser user = runAs.get();
        Path directory = user.canEnter(stateDirectory) ? stateDirectory : fallbackFor(stateDirectory, user);
        for (Path subdirectory : createSubdirectories(directory)) {
            if (!user.owns(subdirectory)) {
                user.chownRecursively(subdirectory);
            }
        }
        return directory;
    }

    private static Path fallbackFor(Path stateDirectory, UnprivilegedUser user) throws IOException {
        Path root = Directories.sharedTemp();
        Path fallback = root.resolve(FALLBACK_PREFIX
                + Directories.fingerprint(stateDirectory.toString().getBytes(StandardCharsets.UTF_8)));
        log.warn("Elasticsearch runs as uid {} and cannot enter {}: keeping its data in {} instead (give every parent"
                + " folder o+x to keep it in the data directory)", user.uid(), stateDirectory, fallback);
        Files.createDirectories(fallback);
        Files.setPosixFilePermissions(fallback, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(fallback.resolve(ORIGIN_FILE), stateDirectory.toString());
        removeOrphans(root, fallback);
        return fallback;
    }

    /** Fallback folders whose state directory is gone (deleted to reset, or a test's temporary folder) go too. */
    private static void removeOrphans(Path root, Path current) throws IOException {
        List<Path> others;
        try (Stream<Path> children = Files.list(root)) {
            others = children.filter(child -> child.getFileName().toString().startsWith(FALLBACK_PREFIX))
                    .filter(child -> !child.equals(current))
                    .toList();
        }
        for (Path other : others) {
            Path origin = other.resolve(ORIGIN_FILE);
            if (Files.exists(origin) && !Files.exists(Path.of(Files.readString(origin)))
                    && !Processes.anyCommandLineMentions(other)) {
                FileSystemUtils.deleteRecursively(other);
                log.info("Removed {}: the data directory it stood in for is gone", other);
            }
        }
    }

    /** tmp/ starts empty: the server and its launcher leave files there on every start and never remove them. */
    private static List<Path> createSubdirectories(Path parent) throws IOException {
        FileSystemUtils.deleteRecursively(parent.resolve(TMP));
        List<Path> directories = new ArrayList<>();
        for (String name : List.of("data", "logs", TMP)) {
            directories.add(Files.createDirectories(parent.resolve(name)));
        }
        return directories;
    }
}

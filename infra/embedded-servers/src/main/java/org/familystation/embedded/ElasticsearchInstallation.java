package org.familystation.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Elasticsearch server files: the distribution zip unpacked, with our analysis plugin in {@code plugins/}.
 *
 * <p>Unpacked once per distribution and plugin build (the folder name carries both), in a world-readable folder
 * under /var/tmp: a root-run application's data folder may sit in a home directory that nobody cannot enter.
 * Nothing below it is written per application run except the keystore the server creates on first start.
 */
final class ElasticsearchInstallation {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchInstallation.class);
    /** The name in the plugin's descriptor, which the server also expects as its folder name. */
    private static final String PLUGIN_NAME = "familystation-analysis";
    private static final String PLUGIN_RESOURCE = "elasticsearch/es-analysis-plugin.zip";
    private static final String DISTRIBUTION_RESOURCE = "elasticsearch/distribution.properties";
    private static final String STAGING_MARKER = ".unpacking-";

    private ElasticsearchInstallation() {
    }

    /** The distribution zip the build resolved into the local Maven repository. */
    static Path defaultDistribution() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ElasticsearchInstallation.class.getResourceAsStream(DISTRIBUTION_RESOURCE)) {
            if (in == null) {
                throw new IOException(DISTRIBUTION_RESOURCE + " is missing from the classpath");
            }
            properties.load(in);
        }
        return Path.of(properties.getProperty("path"));
    }

    /**
     * Returns the home folder of the server, unpacking it first if needed.
     *
     * @param owner who must own the files because the server runs as that user; empty to keep the current user
     */
    static Path prepare(Path distribution, Optional<UnprivilegedUser> owner) throws IOException {
        if (!Files.isRegularFile(distribution)) {
            throw new IOException("Elasticsearch distribution " + distribution + " not found: build the project with"
                    + " Maven, or point familystation.embedded.elasticsearch.distribution at the zip");
        }
        byte[] plugin = readPlugin();
        String name = distribution.getFileName().toString().replaceFirst("\\.zip$", "")
                + "-" + Directories.fingerprint(plugin);
        Path root = Directories.sharedTemp().resolve("familystation-elasticsearch-" + System.getProperty("user.name"));
        Path home = root.resolve(name);
        if (Files.isDirectory(home)) {
            return home;
        }
        long startNanos = System.nanoTime();
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        // Unpacked beside the target and renamed into place, so a crash or a concurrent start never sees half a home.
        Path staging = Files.createTempDirectory(root, name + STAGING_MARKER);
        try {
            try (InputStream in = Files.newInputStream(distribution)) {
                unzip(in, staging, 1);
            }
            unzip(new ByteArrayInputStream(plugin), staging.resolve("plugins").resolve(PLUGIN_NAME), 0);
            // java.util.zip drops Unix modes; the launch scripts are the only files that need them.
            try (Stream<Path> scripts = Files.list(staging.resolve("bin"))) {
                scripts.forEach(script -> script.toFile().setExecutable(true, false));
            }
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (owner.isPresent()) {
                owner.get().chownRecursively(staging);
            }
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            if (!Files.isDirectory(home)) {
                throw e;
            }
            // another process unpacked the same version meanwhile: use theirs
        } finally {
            FileSystemUtils.deleteRecursively(staging);
        }
        log.info("Unpacked Elasticsearch into {} in {} ms", home, (System.nanoTime() - startNanos) / 1_000_000);
        removeUnusedCopies(root, home);
        return home;
    }

    /** Copies for earlier plugin builds (~120 MB each) go, unless a running server still uses one. */
    private static void removeUnusedCopies(Path root, Path current) throws IOException {
        List<Path> others;
        try (Stream<Path> children = Files.list(root)) {
            others = children.filter(child -> !child.equals(current))
                    .filter(child -> !child.getFileName().toString().contains(STAGING_MARKER))
                    .toList();
        }
        for (Path other : others) {
            if (!Processes.anyCommandLineMentions(other)) {
                FileSystemUtils.deleteRecursively(other);
                log.info("Removed unused Elasticsearch copy {}", other);
            }
        }
    }

    private static byte[] readPlugin() throws IOException {
        try (InputStream in = ElasticsearchInstallation.class.getResourceAsStream(PLUGIN_RESOURCE)) {
            if (in == null) {
                throw new IOException(PLUGIN_RESOURCE + " is missing from the classpath: build embedded-servers with Maven");
            }
            return in.readAllBytes();
        }
    }

    /** Extracts {@code zip} into {@code target}, dropping the first {@code stripSegments} folders of every entry. */
    private static void unzip(InputStream zip, Path target, int stripSegments) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream entries = new ZipInputStream(new BufferedInputStream(zip, 1 << 16))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path name = Path.of(entry.getName());
                if (name.getNameCount() <= stripSegments) {
                    continue;
                }
                Path destination = target.resolve(name.subpath(stripSegments, name.getNameCount())).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("Zip entry " + entry.getName() + " points outside " + target);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(entries, destination);
                }
            }
        }
    }
}

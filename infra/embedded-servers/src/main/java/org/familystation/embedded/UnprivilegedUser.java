package org.familystation.embedded;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The account Elasticsearch runs as when the application runs as root: the server refuses to start as root.
 * Numeric ids are used throughout because the name of nobody's group differs between distributions.
 */
record UnprivilegedUser(int uid, int gid) {

    static boolean runningAsRoot() {
        return new UnixSystem().getUid() == 0;
    }

    static UnprivilegedUser nobody() throws IOException {
        try (Stream<String> passwd = Files.lines(Path.of("/etc/passwd"))) {
            return passwd.map(line -> line.split(":"))
                    .filter(fields -> fields.length > 3 && fields[0].equals("nobody"))
                    .map(fields -> new UnprivilegedUser(Integer.parseInt(fields[2]), Integer.parseInt(fields[3])))
                    .findFirst()
                    .orElseThrow(() -> new IOException("No user 'nobody' in /etc/passwd to run Elasticsearch as"));
        }
    }

    /** Prefix for a command line that runs the rest of it as this user. */
    List<String> commandPrefix() {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
    }

    void chownRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> {
                try {
                    Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    boolean owns(Path path) throws IOException {
        return ((Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == uid;
    }

    /**
     * Whether this user can enter {@code directory}. Asks the system rather than reading permission bits: every
     * parent folder must be searchable too, and ACLs or a mode-700 home directory are easy to miss otherwise.
     */
    boolean canEnter(Path directory) throws IOException {
        List<String> command = new ArrayList<>(commandPrefix());
        command.addAll(List.of("test", "-x", directory.toString()));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while checking access for uid " + uid, e);
        }
    }
}

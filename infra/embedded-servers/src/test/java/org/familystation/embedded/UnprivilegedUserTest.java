package org.familystation.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The check that decides whether Elasticsearch's data can stay in the data directory when run as root. */
class UnprivilegedUserTest {

    @TempDir
    Path parent;

    @Test
    void cannotEnterBelowAFolderWithoutSearchPermission() throws Exception {
        assumeTrue(UnprivilegedUser.runningAsRoot(), "only a root-run application switches users");
        UnprivilegedUser nobody = UnprivilegedUser.nobody();
        Path data = Files.createDirectories(parent.resolve("elasticsearch/data"));
        nobody.chownRecursively(data);
        assertThat(nobody.owns(data)).isTrue();

        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
        assertThat(nobody.canEnter(data)).isFalse();

        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(nobody.canEnter(data)).isTrue();
    }
}

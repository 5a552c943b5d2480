package org.familystation.app.admin;

import org.familystation.app.support.ApplicationTest;
import org.familystation.loader.AdminCli;
import org.familystation.platform.operations.OperationsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The terminal's view of the read side, against the shared application: its processors, then its changes. */
class AdminCliTest extends ApplicationTest {

    @Autowired
    private OperationsProperties operations;

    @Test
    void processorsListsEveryFamilyAndThenHowManyChangesTheNodeLetsInAtOnce() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new AdminCli(URI.create("http://localhost:" + port), "admin", "admin-demo",
                new PrintStream(printed, true, StandardCharsets.UTF_8)).processors();
        String out = printed.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("read-models", "search", "audit-trail", "head of the event store: ");
        int most = operations.getConcurrentChanges();
        assertThat(out).containsPattern("changes on this node: \\d+ of " + most + " at once, \\d+ running, \\d+ waiting"
                + " \\((slowest processor \\S+ \\d+ ms behind, target " + operations.getReadSideLagTarget().toMillis()
                + " ms|no processor counted)\\)");
    }
}

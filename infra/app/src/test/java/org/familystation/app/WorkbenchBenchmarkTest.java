package org.familystation.app;

import org.familystation.app.support.StandaloneApplication;
import org.familystation.loader.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench's first load and the dashboard's redraw, measured in Debian's Chromium by
 * {@code infra/workbench/e2e/measure.mjs} against an application of its own with the reference scenario loaded
 * ({@code -Dworkbench.services}, default 2,000 services). The figures are printed (BENCHMARKS.md, "Workbench"),
 * never asserted. It loads a reference world of its own (minutes), so it runs only when asked:
 * {@code ./mvnw -B -pl infra/app -am verify -Dtest=WorkbenchBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dworkbench.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "workbench.benchmark", matches = "true")
class WorkbenchBenchmarkTest {

    private static final int SERVICES = Integer.getInteger("workbench.services", 2_000);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void measuresTheFirstLoadAndTheDashboardsRedrawAndPrintsThem() throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/chromium")).as("Chromium (apt-get install chromium fonts-noto-cjk)").exists();
        try (StandaloneApplication application = StandaloneApplication.start(dataDir)) {
            new ScenarioLoader(URI.create("http://127.0.0.1:" + application.port()), "admin", "admin-demo", 4,
                    new PrintStream(OutputStream.nullOutputStream())).load(SERVICES, 200, 100, 100, 2014);

            Path log = Files.createTempFile("workbench-measure", ".log");
            ProcessBuilder node = new ProcessBuilder("node", "e2e/measure.mjs")
                    .directory(Path.of("..", "workbench").toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            node.environment().put("BASE_URL", "http://127.0.0.1:" + application.port());
            Process process = node.start();
            boolean finished = process.waitFor(10, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.printf("WORKBENCH with the reference scenario (%,d services, 200 needs surveys, 100 referrals,"
                    + " 100 funds):%n%s", SERVICES, output);
            assertThat(finished).as("the measurements finished in time:\n" + output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        }
    }
}

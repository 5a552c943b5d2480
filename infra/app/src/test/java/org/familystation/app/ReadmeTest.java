package org.familystation.app;

import org.familystation.app.support.SharedSearch;
import org.familystation.app.support.StandaloneApplication;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ReferenceScenario;
import org.familystation.loader.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the API's tour (docs/API.md) run as written. Their shell blocks marked {@code <!-- readme-test:
 * try-it -->} and {@code <!-- readme-test: tour -->} are run with bash, "Try it" first, then the tour blocks in the
 * order of the README and then docs/API.md, against an application of its own: on an empty system, again after the
 * reference scenario was loaded by the README's loader command (fewer records), and the loader once more next to
 * what they made. Every curl fails on a problem answer (a {@code .curlrc} with {@code fail-with-body}), and the
 * script stops at the first failure ({@code set -e}).
 * Blocks without a mark are for reading (the long-running ones: the application, the whole test suite).
 */
@SharedSearch.Used
class ReadmeTest {

    /** The documents whose marked blocks run, in this order. */
    private static final List<Path> DOCUMENTS = List.of(Path.of("..", "..", "README.md"),
            Path.of("..", "..", "docs", "API.md"));
    private static final Pattern MARKED = Pattern.compile(
            "<!-- readme-test: ([a-z-]+) -->\\n```(?:bash|sh)\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern PROBLEM = Pattern.compile("\"status\"\\s*:\\s*[45]\\d\\d");
    /** The loader as the README runs it: through the reactor, the module's exec:java, its options in exec.args. */
    private static final Pattern LOADER = Pattern.compile(
            "\\./mvnw -q -pl infra/scenario-loader -am -DskipTests package exec:java \\\\\\n\\s*-Dexec\\.args=\"([^\"]*)\"");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @TempDir
    Path shell;

    @Test
    void theShellBlocksRunAsWrittenBeforeAndAfterTheReferenceScenario() throws Exception {
        StringBuilder documents = new StringBuilder();
        for (Path document : DOCUMENTS) {
            documents.append(Files.readString(document, StandardCharsets.UTF_8)).append('\n');
        }
        String readme = documents.toString();
        // "Try it" writes the reference scenario's ids by hand: they must be the scenario's.
        assertThat(readme).contains(ReferenceScenario.FEDERATION_ID, ReferenceScenario.HEADQUARTERS_ID,
                ReferenceScenario.XUANWU_BRANCH_ID, ReferenceScenario.cityCentreId(CityCentre.RIGHTS_SERVICE_CENTRE));
        Files.writeString(shell.resolve(".curlrc"), "fail-with-body\nshow-error\n");
        Path script = shell.resolve("readme.sh");
        Files.writeString(script, "set -eo pipefail\n" + String.join("\n", blocks(readme, "try-it"))
                + "\n" + String.join("\n", blocks(readme, "tour")) + "\n");

        try (StandaloneApplication application = StandaloneApplication.startOnSharedSearch(dataDir)) {
            String base = "http://127.0.0.1:" + application.port();
            runBash(script, base);

            String[] loaderArgs = loaderArguments(readme, base);
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            Map<String, Integer> created = ScenarioLoader.run(loaderArgs,
                    new PrintStream(progress, true, StandardCharsets.UTF_8));
            // The federation, headquarters, 玄武区 centre and rights centre "Try it" made with the scenario's ids exist.
            assertThat(created).containsEntry("stations", 33).containsEntry("alliance members", 21)
                    .containsEntry("units", 16 - 4 + 1_317);

            runBash(script, base);
            assertThat(ScenarioLoader.run(loaderArgs, new PrintStream(progress, true, StandardCharsets.UTF_8)))
                    .allSatisfy((phase, count) -> assertThat(count).as(phase).isZero());
        }
    }

    private static List<String> blocks(String readme, String mark) {
        List<String> blocks = new ArrayList<>();
        Matcher block = MARKED.matcher(readme);
        while (block.find()) {
            if (block.group(1).equals(mark)) {
                blocks.add(block.group(2));
            }
        }
        assertThat(blocks).as("blocks marked " + mark + " in " + DOCUMENTS).isNotEmpty();
        return blocks;
    }

    /** The loader command's options with smaller numbers, against the test's application. */
    private static String[] loaderArguments(String readme, String base) {
        List<String> blocks = blocks(readme, "loader");
        assertThat(blocks).hasSize(1);
        Matcher command = LOADER.matcher(blocks.get(0));
        assertThat(command.find()).as(blocks.get(0)).isTrue();
        List<String> args = new ArrayList<>(Arrays.stream(command.group(1).split("\\s+"))
                .map(option -> option.replaceFirst("=\\d+$", "=10")).toList());
        assertThat(args).contains("--services=10", "--funds=10");
        args.add("--url=" + base);
        args.add("--threads=4");
        return args.toArray(String[]::new);
    }

    private void runBash(Path script, String base) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(shell.toFile())
                .redirectErrorStream(true);
        bash.environment().put("FS_URL", base);
        bash.environment().put("CURL_HOME", shell.toString());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(PROBLEM.matcher(output).find()).as(output).isFalse();
    }
}

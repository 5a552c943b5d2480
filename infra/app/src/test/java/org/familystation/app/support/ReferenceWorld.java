package org.familystation.app.support;

import org.familystation.events.common.ReferenceScenario;
import org.familystation.loader.ScenarioLoader;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference scenario (the Nanjing world of DOMAIN.md §8, from 2014) loaded through the API into an application of
 * its own, once per test run, for the tests that read that world and nothing else (ReferenceScenarioTest,
 * AsOfScaleTest): one application start and one load serve them all. A test takes it as a parameter of a test method
 * under {@code @ExtendWith(ReferenceWorld.Loaded.class)}; it is stopped when the run ends. The loader is the one that
 * loaded it, so a test can load again. Fewer records than the README's full load; {@code -Dreference.services} loads
 * more (for AsOfScaleTest's figure).
 */
public final class ReferenceWorld implements ExtensionContext.Store.CloseableResource {

    public static final int SERVICES = Integer.getInteger("reference.services", 650);
    public static final int SURVEYS = 52;
    public static final int REFERRALS = 14;
    public static final int FUNDS = 26;
    /** The new convention version's grace period: the member that does not sign is suspended for it during the load. */
    public static final Duration CONVENTION_GRACE = Duration.ofSeconds(3);
    private static final String ACCEPTANCE_LIMIT = "familystation.referrals.acceptance-limit";

    private final StandaloneApplication application;
    private final ScenarioLoader loader;
    private final Map<String, Integer> created;
    private final String progress;

    private ReferenceWorld(StandaloneApplication application, ScenarioLoader loader, Map<String, Integer> created,
                           String progress) {
        this.application = application;
        this.loader = loader;
        this.created = created;
        this.progress = progress;
    }

    private static ReferenceWorld load() {
        // Cases left waiting are flagged overdue within seconds, not days (the limit runs from record time).
        System.setProperty(ACCEPTANCE_LIMIT, "PT2S");
        StandaloneApplication application;
        try {
            application = StandaloneApplication.startOnSharedSearch(Path.of("target", "it-data",
                    "reference-" + UUID.randomUUID()));
        } finally {
            System.clearProperty(ACCEPTANCE_LIMIT);
        }
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ScenarioLoader loader = new ScenarioLoader(URI.create("http://127.0.0.1:" + application.port()), "admin",
                "admin-demo", 4, new PrintStream(progress, true, StandardCharsets.UTF_8));
        try {
            Map<String, Integer> created = loader.load(SERVICES, SURVEYS, REFERRALS, FUNDS, 2014, CONVENTION_GRACE);
            // The history is whole once the grace period the load set has run out and acted: the member that did
            // not sign the new convention is suspended (a test reading the history as of now sees no event arrive).
            Api api = application.api();
            Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/alliance-members/"
                    + ReferenceScenario.id("member", "浦口快乐成长托育中心")).body().path("status").asText())
                    .isEqualTo("SUSPENDED"));
            return new ReferenceWorld(application, loader, created, progress.toString(StandardCharsets.UTF_8));
        } catch (RuntimeException | Error e) {
            application.close();
            throw e;
        }
    }

    public StandaloneApplication application() {
        return application;
    }

    public Api api() {
        return application.api();
    }

    /** What the load created, by kind (units, stations, service records …). */
    public Map<String, Integer> created() {
        return created;
    }

    /** What the loader printed while it loaded. */
    public String progress() {
        return progress;
    }

    /** Loads the same world again (it is there: nothing is created), answering what was created. */
    public Map<String, Integer> loadAgain() {
        return loader.load(SERVICES, SURVEYS, REFERRALS, FUNDS, 2014, CONVENTION_GRACE);
    }

    @Override
    public void close() {
        application.close();
    }

    /** Resolves a {@link ReferenceWorld} parameter: the run's one, loaded on first use. */
    public static final class Loaded implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ReferenceWorld.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(ReferenceWorld.class, key -> load(), ReferenceWorld.class);
        }
    }
}

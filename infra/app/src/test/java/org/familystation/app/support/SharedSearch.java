package org.familystation.app.support;

import org.familystation.embedded.EmbeddedElasticsearch;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One embedded Elasticsearch for the run's applications of their own whose subject is not the search server's own
 * life (none of them stops, kills or restarts it): each has indexes of its own on it, as a second installation on a
 * real cluster would, and none waits for a server of its own to start (12–40 s each on the shared machine). Test
 * classes that use it are marked {@link Used}: when a run holds one, the server is launched as the run begins
 * ({@link Prestart}), so its start overlaps the shared application's; it is stopped when the test JVM exits.
 */
public final class SharedSearch {

    private static EmbeddedElasticsearch server;

    private SharedSearch() {
    }

    /** Marks a test class whose applications run on the shared search server. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Used {
    }

    /** Launches the server (without waiting for it) when the run holds a test class marked {@link Used}. */
    public static final class Prestart implements TestExecutionListener {

        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            boolean used = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                    .map(TestIdentifier::getSource).flatMap(Optional::stream)
                    .filter(ClassSource.class::isInstance).map(source -> ((ClassSource) source).getJavaClass())
                    .anyMatch(type -> type.isAnnotationPresent(Used.class));
            if (used) {
                server();
            }
        }
    }

    /**
     * The settings that put an application on the shared server, its indexes' names starting with {@code indexes}
     * (lower case): the same names again when the application is started again.
     */
    public static Map<String, String> settings(String indexes) {
        return Map.of("familystation.elasticsearch.url", uri().toString(),
                "familystation.search.alias", indexes + "-service-records",
                "familystation.search.needs-survey-alias", indexes + "-needs-surveys");
    }

    private static URI uri() {
        return server().uri();
    }

    private static synchronized EmbeddedElasticsearch server() {
        if (server == null) {
            try {
                // As the applications' own: a small heap, and time to start on a loaded machine.
                server = EmbeddedElasticsearch.start(Path.of("target", "it-data", "shared-search-" + UUID.randomUUID(),
                        "elasticsearch"), "256m", Duration.ofSeconds(600));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedElasticsearch started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "stop-shared-search"));
        }
        return server;
    }
}

package org.familystation.app.support;

import org.familystation.app.FamilyStationApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One whole application of its own (not the shared test context) on a data folder of the test's, for tests that
 * restart it or need a world nobody else writes to; with a search server of its own, or on the run's shared one.
 */
public final class StandaloneApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static StandaloneApplication start(Path dataDir) {
        return start(dataDir, new Class<?>[0]);
    }

    /** With more configuration of the test's (for example a hook that injects failures). */
    public static StandaloneApplication start(Path dataDir, Class<?>... extraSources) {
        return start(dataDir, List.of(), extraSources);
    }

    /**
     * On the run's one shared Elasticsearch ({@link SharedSearch}) instead of a server of its own, with indexes named
     * for the data folder (the same again when the application is started again on it): for tests whose subject is
     * not the search server's own life.
     */
    public static StandaloneApplication startOnSharedSearch(Path dataDir, Class<?>... extraSources) {
        List<String> arguments = new ArrayList<>();
        SharedSearch.settings("standalone-" + Integer.toHexString(dataDir.toAbsolutePath().normalize().hashCode()))
                .forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return start(dataDir, arguments, extraSources);
    }

    /** With more properties (for example external servers: {@code --spring.datasource.url=…}). */
    public static StandaloneApplication start(Path dataDir, List<String> extraArguments, Class<?>... extraSources) {
        Class<?>[] sources = new Class<?>[extraSources.length + 2];
        sources[0] = FamilyStationApplication.class;
        sources[1] = TestAccounts.class;
        System.arraycopy(extraSources, 0, sources, 2, extraSources.length);
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--familystation.data-dir=" + dataDir,
                "--familystation.embedded.postgres.durable=false",
                "--familystation.embedded.elasticsearch.heap=256m",
                // On a machine shared by many builds Elasticsearch has taken more than its default 120 s to start;
                // these tests are about what happens after it started (as the shared test application's are).
                "--familystation.embedded.elasticsearch.startup-timeout=600s",
                "--familystation.security.demo-accounts=true",
                // As in IntegrationTest: the demo accounts are hashed at start at the tests' lower cost.
                "--familystation.security.password-hashing.memory-kib=1024",
                "--familystation.security.password-hashing.iterations=1",
                // Due deadlines are found within a second, so tests that bring one forward need not wait.
                "--familystation.deadlines.polling-interval=1s"));
        arguments.addAll(extraArguments);
        return new StandaloneApplication(new SpringApplicationBuilder(sources).run(arguments.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Api api() {
        return new Api(port());
    }

    @Override
    public void close() {
        context.close();
    }
}

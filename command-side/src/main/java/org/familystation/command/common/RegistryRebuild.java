package org.familystation.command.common;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the registries ({@link Registry}) whose code is newer than what they were last built at, by replaying the
 * whole event store through their own handlers: the events are read, upcast and deserialized by Axon's storage
 * engine as every other reader reads them, so no SQL restates a handler. The versions they were built at are kept in
 * {@code cmd_registry_version}; a registry without a row there was never built (an installation from before the
 * table, or a new registry).
 *
 * <p>Runs once all beans exist and before anything starts (Axon's processors, the web server, the workers that send
 * commands), so no command is decided against a half-built registry. One transaction does it all: a crash halfway
 * leaves the old tables and the old versions, and the next start does it again. The tables are emptied with
 * {@code TRUNCATE}, whose lock makes any other node's command that touches them wait for the rebuild to commit; an
 * advisory lock lets one starting node rebuild while the others wait and then find the registries built.
 */
@Component
public class RegistryRebuild implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RegistryRebuild.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final ListableBeanFactory beans;
    private final EventStorageEngine events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public RegistryRebuild(ListableBeanFactory beans, EventStorageEngine events, JdbcTemplate jdbc,
                           PlatformTransactionManager transactions) {
        this.beans = beans;
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        rebuildOutdated();
    }

    /** A registry as declared: its name in {@code cmd_registry_version}, its handlers, its tables and version. */
    record Declared(String name, Object handlers, Registry registry) {
    }

    /**
     * Rebuilds every registry built at a lower version than its code declares (or never built).
     *
     * @return the names of the registries rebuilt
     */
    public List<String> rebuildOutdated() {
        return transaction.execute(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(hashtext('cmd_registry_version'))", row -> { });
            Map<String, Integer> built = new HashMap<>();
            jdbc.query("SELECT registry, version FROM cmd_registry_version",
                    row -> { built.put(row.getString(1), row.getInt(2)); });
            List<Declared> outdated = declared().stream()
                    .filter(declared -> built.getOrDefault(declared.name(), 0) < declared.registry().version())
                    .toList();
            if (outdated.isEmpty()) {
                return List.of();
            }
            List<String> tables = outdated.stream().flatMap(declared -> Stream.of(declared.registry().tables()))
                    .toList();
            log.info("registry rebuild: {} (tables {}), replaying the event store", outdated.stream()
                    .map(declared -> declared.name() + " v" + built.getOrDefault(declared.name(), 0) + " → v"
                            + declared.registry().version()).toList(), tables);
            jdbc.execute("TRUNCATE " + String.join(", ", tables));
            replay(outdated);
            for (Declared declared : outdated) {
                jdbc.update("""
                        INSERT INTO cmd_registry_version (registry, version, built_at) VALUES (?, ?, now())
                        ON CONFLICT (registry) DO UPDATE SET version = EXCLUDED.version, built_at = EXCLUDED.built_at""",
                        declared.name(), declared.registry().version());
            }
            return outdated.stream().map(Declared::name).toList();
        });
    }

    /** Every registry bean, checked: its tables are registry tables, and no two registries write the same one. */
    List<Declared> declared() {
        List<Declared> declared = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        beans.getBeansWithAnnotation(Registry.class).values().forEach(bean -> {
            Class<?> type = ClassUtils.getUserClass(bean);
            Registry registry = type.getAnnotation(Registry.class);
            for (String table : registry.tables()) {
                if (!table.matches("cmd_[a-z_]+")) {
                    throw new IllegalStateException(type.getName() + " declares " + table + ", not a registry table");
                }
                String other = owners.put(table, type.getSimpleName());
                if (other != null) {
                    throw new IllegalStateException(table + " is declared by both " + other + " and "
                            + type.getSimpleName());
                }
            }
            declared.add(new Declared(type.getSimpleName(), bean, registry));
        });
        declared.sort(Comparator.comparing(Declared::name));
        return declared;
    }

    private void replay(List<Declared> registries) {
        List<AnnotationEventHandlerAdapter> handlers = registries.stream()
                .map(declared -> new AnnotationEventHandlerAdapter(declared.handlers(),
                        ClasspathParameterResolverFactory.forClass(declared.handlers().getClass())))
                .toList();
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        long replayed = 0;
        long reached = -1;
        long started = System.nanoTime();
        long reported = started;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handle(handler, event);
                    }
                }
                replayed++;
                reached = event.trackingToken().position().orElse(reached);
                if (System.nanoTime() - reported > PROGRESS_EVERY.toNanos()) {
                    reported = System.nanoTime();
                    log.info("registry rebuild: {} of {} events replayed", replayed, total);
                }
            }
        }
        // The engine ends its stream at an empty batch: make sure that was the end of the store, not a wide gap.
        if (last != null && reached < last) {
            throw new IllegalStateException("registry rebuild: the event stream ended at global index " + reached
                    + ", the store holds events up to " + last);
        }
        log.info("registry rebuild: {} events replayed in {} ms", replayed, (System.nanoTime() - started) / 1_000_000);
    }

    private static void handle(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (RuntimeException failed) {
            throw failed;
        } catch (Exception failed) {
            throw new IllegalStateException("registry rebuild: " + handler.getTargetType().getSimpleName()
                    + " failed on " + event.getPayloadType().getSimpleName() + " " + event.getIdentifier(), failed);
        }
    }
}

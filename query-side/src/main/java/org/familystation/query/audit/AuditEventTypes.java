package org.familystation.query.audit;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event types a trail can be filtered by: every event of the published language, by simple name
 * ({@code StationSuspended}). Found on the class path, so a new event needs no change here: an event is a record
 * in {@code org.familystation.events} that belongs to an aggregate's sealed interface.
 */
@Component
public class AuditEventTypes {

    private static final String EVENTS = "org.familystation.events";

    private final Set<String> names;

    public AuditEventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> isEvent(load(reader.getClassMetadata().getClassName())));
        Set<String> found = new TreeSet<>();
        scanner.findCandidateComponents(EVENTS).forEach(candidate ->
                found.add(ClassUtils.getShortName(candidate.getBeanClassName())));
        this.names = Collections.unmodifiableSet(found);
    }

    public boolean isKnown(String name) {
        return names.contains(name);
    }

    public Set<String> names() {
        return names;
    }

    private static boolean isEvent(Class<?> type) {
        return type.isRecord() && Arrays.stream(type.getInterfaces()).anyMatch(Class::isSealed);
    }

    private static Class<?> load(String className) {
        return ClassUtils.resolveClassName(className, AuditEventTypes.class.getClassLoader());
    }
}

package org.familystation.platform.evolution;

import org.familystation.events.common.UnifiedSocialCreditCode;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One example of any event, built from its record components with fixed sample values, so that the same class
 * always gives the same example: a text is its component's name (with Chinese, as real texts are), an enum its
 * first constant, a list one example element, a nested record an example of it. The golden files hold these
 * examples as they were when the revision was written; changing a sample value here changes every golden file's
 * expectation, so don't.
 */
final class ExampleEvents {

    static final Instant INSTANT = Instant.parse("2026-11-02T02:00:00Z");

    /** Value types whose constructor checks its value, with a valid one. */
    private static final Map<Class<?>, Supplier<Object>> VALID = Map.of(
            UnifiedSocialCreditCode.class, () -> UnifiedSocialCreditCode.of("91350100M000100Y43"));

    private ExampleEvents() {
    }

    static Object example(Class<?> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] values = Arrays.stream(components)
                .map(component -> sample(component.getGenericType(), component.getName()))
                .toArray();
        try {
            Constructor<?> canonical = recordType.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build an example of " + recordType.getName(), e);
        }
    }

    private static Object sample(Type type, String name) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                return List.of(sample(arguments[0], name));
            }
            if (raw == Set.class) {
                return Set.of(sample(arguments[0], name));
            }
            if (raw == Map.class) {
                return Map.of(sample(arguments[0], name + "Key"), sample(arguments[1], name));
            }
            throw new IllegalArgumentException("no example for " + type + " (" + name + "): add one to ExampleEvents");
        }
        Class<?> raw = (Class<?>) type;
        if (VALID.containsKey(raw)) {
            return VALID.get(raw).get();
        }
        if (raw == String.class) {
            return name + "-示例";
        }
        if (raw == int.class || raw == Integer.class) {
            return 3;
        }
        if (raw == long.class || raw == Long.class) {
            return 123_456L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == Instant.class) {
            return INSTANT;
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 11, 2);
        }
        if (raw == Duration.class) {
            return Duration.ofDays(30);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw.isRecord()) {
            return example(raw);
        }
        throw new IllegalArgumentException("no example for " + raw.getName() + " (" + name + "): add one to ExampleEvents");
    }
}

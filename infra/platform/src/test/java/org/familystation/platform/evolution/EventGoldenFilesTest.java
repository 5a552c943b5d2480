package org.familystation.platform.evolution;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every event ever written still reads as today's event: for each event type (every record under
 * {@code org.familystation.events}, except the value types in {@code common}) and each of its revisions there is
 * a golden file of how it is stored, and it reads — through the project's upcasters ({@link EventUpcasters}) — as
 * the current event with the expected values. A new event without a golden file fails here, and so does an event
 * whose shape changed without a new revision and an upcaster.
 *
 * <p>Write the golden file of a new event or revision with
 * {@code ./mvnw -B -o -q -pl infra/platform -am verify -Dtest=EventGoldenFilesTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.write=true}, review it and commit it.
 */
class EventGoldenFilesTest {

    static final Path ROOT = Path.of("src/test/resources/golden-events");
    private static final String EVENTS = "org.familystation.events";
    private static final String VALUE_TYPES = EVENTS + ".common";

    @TestFactory
    Stream<DynamicTest> everyRevisionOfEveryEventReadsAsTheCurrentEvent() {
        return eventTypes().stream().map(type -> dynamicTest(type.getSimpleName(),
                () -> GoldenEvents.check(type, ROOT, EventUpcasters.chain())));
    }

    @Test
    void theScanFindsTheEventsOfEveryAggregate() {
        assertThat(eventTypes()).extracting(Class::getSimpleName)
                .contains("StationOpened", "ServiceRecorded", "FundsAllocated", "AllianceMemberAdmitted",
                        "CaseReferred", "VolunteerHoursRecorded", "NeedsSurveyRecorded", "UnitEstablished")
                .doesNotContain("ServiceDetails", "Provider", "NeedCount", "UnifiedSocialCreditCode");
    }

    @Test
    void everyGoldenFolderBelongsToACurrentEvent() throws IOException {
        Set<String> events = eventTypes().stream().map(Class::getSimpleName).collect(Collectors.toSet());
        try (Stream<Path> folders = Files.list(ROOT)) {
            assertThat(folders.map(folder -> folder.getFileName().toString()))
                    .as("golden folders without an event of that name: an event was renamed or removed; keep its "
                            + "golden files under its new name, with an upcaster to it")
                    .allMatch(events::contains);
        }
    }

    @Test
    void eventNamesAreUniqueAcrossAggregates() {
        assertThat(eventTypes().stream().collect(Collectors.groupingBy(Class::getSimpleName, Collectors.counting())))
                .as("the golden folders are named by the event's simple name")
                .allSatisfy((name, count) -> assertThat(count).as(name).isOne());
    }

    static List<Class<?>> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter((reader, factory) ->
                Record.class.getName().equals(reader.getClassMetadata().getSuperClassName())
                        && !reader.getClassMetadata().getClassName().startsWith(VALUE_TYPES + "."));
        return scanner.findCandidateComponents(EVENTS).stream()
                .<Class<?>>map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), null))
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }
}

package org.familystation.app;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.familystation.query.common.OneBatchAtATime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The architecture as a test: dependencies point one way, and the published language stays plain. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.familystation");

    private static final String COMMAND = "org.familystation.command";
    private static final String QUERY = "org.familystation.query";

    /**
     * The features, named alike in shared-events, command-side and query-side. The other packages of a side are its
     * plumbing (common/, scope/, reach/ …) or compositions across features that no feature depends on (importing/ on
     * the command side; dashboard/ — the services summary —, asof/, evaluation/, audit/, history/, admin/ on the
     * query side).
     */
    private static final List<String> COMMAND_FEATURES = List.of("account", "alliance", "catalogue", "funding",
            "needs", "network", "offering", "people", "personaldata", "referral", "servicerecord", "station");
    private static final List<String> QUERY_FEATURES = List.of("account", "alliance", "catalogue", "funding",
            "needs", "network", "offering", "people", "referral", "servicerecord", "station");

    /**
     * What a feature may use outside its folder, its side's common/, the events and the platform (reasons inline).
     * Compile-time constants are copied into the class that uses them, so they are not seen here: the snapshot
     * trigger's name (snapshot/SnapshotConfiguration.TRIGGER), and station/StationTables' SQL, which the network
     * dashboard reads.
     */
    private static final List<Allowed> ALLOWED = List.of(
            // every command says where it acts, and the scope check holds it there (docs/design/scope-rules.md)
            everyCommandFeature("scope.ScopedCommand"),
            everyCommandFeature("scope.Place"),
            // a saga's commands go through the retried outbox of saga commands
            everyCommandFeature("sagacommand.SagaCommands"),
            // every read answers only what the reader may see (docs/design/scope-rules.md)
            everyQueryFeature("reach.Reach"),
            everyQueryFeature("reach.Reaches"),
            everyQueryFeature("reach.UnitPaths"),
            // a projection with its own store (a search index) empties and refills it in a rebuild
            everyQueryFeature("admin.RebuildParticipant"),

            // rules across aggregates read the registries of the others ("what the command side knows about …")
            command("account", "network.UnitRegistry"),    // an account's unit exists
            command("needs", "network.UnitRegistry"),      // a survey is taken at a community home
            command("people", "network.UnitRegistry"),     // staff belong to a unit
            command("station", "network.UnitRegistry"),    // a station opens at a community home
            command("funding", "station.StationRegistry"), // an allocation goes to a station
            command("offering", "station.StationRegistry"),
            command("people", "station.StationRegistry"),  // a social worker is assigned to a station
            command("referral", "station.StationRegistry"),
            command("servicerecord", "station.StationRegistry"),
            // what a station was at a business date (open, its points) decides dated commands elsewhere
            command("funding", "station.StationTimeline"),
            command("offering", "station.StationTimeline"),
            command("servicerecord", "station.StationTimeline"),
            command("needs", "catalogue.CatalogueRegistry"),         // need categories
            command("servicerecord", "catalogue.CatalogueRegistry"), // service projects
            command("station", "catalogue.CatalogueRegistry"),       // specialty services
            command("offering", "alliance.MemberRegistry"),     // only an admitted member offers
            command("offering", "alliance.MembershipStatus"),   // … as the registry answers it
            command("servicerecord", "alliance.MemberRegistry"),   // the provider is an admitted member
            command("servicerecord", "alliance.MembershipStatus"),
            command("servicerecord", "offering.OfferingRegistry"), // … that offers the project at the station
            command("servicerecord", "people.PeopleRegistry"),     // the people named on a record are registered
            command("people", "servicerecord.ServiceRecordRegistry"), // hours only on a record that stands
            // the service projects and the station point each belongs to, read by all that name a project
            command("funding", "servicerecord.ServiceProjectCatalogue"),
            command("offering", "servicerecord.ServiceProjectCatalogue"),
            // … which answers from the catalogue's defaults (the commands that seed it) until the registry has them
            command("servicerecord", "catalogue.CatalogueDefaults"),
            command("servicerecord", "catalogue.AddCatalogueEntry"),
            // an offering is refused for an unknown project with the service record's refusal (one code, one text)
            command("offering", "servicerecord.ServiceRecordRefusals"),

            // the read side's named read interfaces
            query("needs", "servicerecord.ServiceStats")); // the needs gap sets needs against services delivered

    @Test
    void theCommandSideDoesNotKnowTheQuerySide() {
        noClasses().that().resideInAPackage("org.familystation.command..")
                .should().dependOnClassesThat().resideInAPackage("org.familystation.query..")
                .check(CLASSES);
    }

    @Test
    void theQuerySideDoesNotKnowTheCommandSide() {
        noClasses().that().resideInAPackage("org.familystation.query..")
                .should().dependOnClassesThat().resideInAPackage("org.familystation.command..")
                .check(CLASSES);
    }

    @Test
    void neitherSideKnowsTheEmbeddedServers() {
        noClasses().that().resideInAnyPackage("org.familystation.command..", "org.familystation.query..",
                        "org.familystation.events..", "org.familystation.platform..")
                .should().dependOnClassesThat().resideInAPackage("org.familystation.embedded..")
                .check(CLASSES);
    }

    @Test
    void thePublishedLanguageHasNoSpringNoPersistenceAndNoSideCode() {
        noClasses().that().resideInAPackage("org.familystation.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "java.sql..", "javax.sql..", "org.familystation.command..", "org.familystation.query..",
                        "org.familystation.platform..", "org.axonframework.eventhandling..",
                        "org.axonframework.modelling..")
                .check(CLASSES);
    }

    /**
     * Counters that events of different aggregates add to are kept in parts (CounterParts), so that a processor's
     * segments apply their batches side by side; the lock that applies them one at a time is only for rows computed
     * from rows other segments write, a volunteer's totals (docs/design/projection-batches.md).
     */
    @Test
    void onlyThePeopleProjectionsApplyTheirBatchesOneAtATime() {
        classes().that().areAnnotatedWith(OneBatchAtATime.class)
                .should().resideInAPackage(QUERY + ".people")
                .check(CLASSES);
    }

    @Test
    void aFeatureUsesOnlyCommonTheEventsThePlatformAndTheNamedInterfacesOfOthers() {
        classes().that().resideInAnyPackage(packages(COMMAND, COMMAND_FEATURES))
                .or().resideInAnyPackage(packages(QUERY, QUERY_FEATURES))
                .should(useOnlyWhatIsAllowed())
                .check(CLASSES);
    }

    @Test
    void everyAllowedDependencyIsStillUsed() {
        List<Allowed> unused = new ArrayList<>();
        for (Allowed allowed : ALLOWED) {
            boolean used = CLASSES.stream()
                    .filter(from -> allowed.from().contains(featureOf(from.getName())))
                    .flatMap(from -> from.getDirectDependenciesFromSelf().stream())
                    .anyMatch(dependency -> topLevel(dependency.getTargetClass()).equals(allowed.to()));
            if (!used) {
                unused.add(allowed);
            }
        }
        assertThat(unused).as("allowed dependencies no feature has any more: drop them").isEmpty();
    }

    private static ArchCondition<JavaClass> useOnlyWhatIsAllowed() {
        return new ArchCondition<>("use only their feature, common, the events, the platform and the named "
                + "interfaces of other features") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String feature = featureOf(item.getName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    if (!allowed(feature, topLevel(dependency.getTargetClass()))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean allowed(String feature, String target) {
        String side = feature.substring(0, feature.lastIndexOf('.'));
        return !target.startsWith("org.familystation.")
                || target.startsWith("org.familystation.events.")
                || target.startsWith("org.familystation.platform.")
                || target.startsWith(side + ".common.")
                || target.startsWith(feature + ".")
                || ALLOWED.stream().anyMatch(allowed -> allowed.to().equals(target) && allowed.from().contains(feature));
    }

    /** The feature package of a feature's class (e.g. org.familystation.command.station). */
    private static String featureOf(String className) {
        for (String side : List.of(COMMAND, QUERY)) {
            if (className.startsWith(side + ".")) {
                String rest = className.substring(side.length() + 1);
                int dot = rest.indexOf('.');
                return dot < 0 ? "" : side + "." + rest.substring(0, dot);
            }
        }
        return "";
    }

    private static String topLevel(JavaClass target) {
        JavaClass base = target.isArray() ? target.getBaseComponentType() : target;
        String name = base.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static String[] packages(String side, List<String> features) {
        return features.stream().map(feature -> side + "." + feature + "..").toArray(String[]::new);
    }

    private static Allowed everyCommandFeature(String to) {
        return new Allowed(Set.copyOf(COMMAND_FEATURES.stream().map(f -> COMMAND + "." + f).toList()),
                COMMAND + "." + to);
    }

    private static Allowed everyQueryFeature(String to) {
        return new Allowed(Set.copyOf(QUERY_FEATURES.stream().map(f -> QUERY + "." + f).toList()), QUERY + "." + to);
    }

    private static Allowed command(String from, String to) {
        return new Allowed(Set.of(COMMAND + "." + from), COMMAND + "." + to);
    }

    private static Allowed query(String from, String to) {
        return new Allowed(Set.of(QUERY + "." + from), QUERY + "." + to);
    }

    /** Classes of the features {@code from} may use the class {@code to} of another package of their side. */
    private record Allowed(Set<String> from, String to) {
    }
}

package org.familystation.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The architecture as a test: dependencies point one way, and the published language stays plain. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.familystation");

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
}

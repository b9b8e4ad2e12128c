package com.firsthand.common.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.firsthand.common.auth.Authenticated;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;

/** The layering every service keeps; each service's ArchitectureTest runs these on its own packages. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);

        noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.apache.kafka..",
                        "org.eclipse.microprofile.reactive.messaging..", "io.smallrye.reactive.messaging..",
                        "io.vertx..", servicePackage + ".rest..", servicePackage + ".messaging..")
                .because("domain code is free of transport")
                .allowEmptyShould(true)
                .check(classes);

        noClasses().that().resideInAPackage(servicePackage + ".service..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.apache.kafka..")
                .because("use cases do not speak HTTP or Kafka; rest/ and messaging/ adapt them")
                .allowEmptyShould(true)
                .check(classes);

        classes().that().areAnnotatedWith(Path.class).and().resideInAPackage(servicePackage + ".rest..")
                .should().beAnnotatedWith(Authenticated.class)
                .because("every public resource declares which credential it accepts")
                .allowEmptyShould(true)
                .check(classes);
    }
}

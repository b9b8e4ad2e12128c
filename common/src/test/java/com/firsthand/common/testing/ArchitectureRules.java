package com.firsthand.common.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.outbox.Outbox;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.transaction.Transactional;
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
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.apache.kafka..",
                        servicePackage + ".rest..")
                .because("use cases do not speak HTTP or Kafka; rest/ and messaging/ adapt them")
                .allowEmptyShould(true)
                .check(classes);

        noClasses().that().resideInAnyPackage(servicePackage + ".service..", servicePackage + ".domain..")
                .should().dependOnClassesThat().areAssignableTo(ApiException.class)
                .because("use cases throw domain exceptions (common.errors or their own); rest/ maps them to HTTP")
                .allowEmptyShould(true)
                .check(classes);

        methods().that().arePublic().and().areDeclaredInClassesThat(writeEvents(servicePackage))
                .and().doNotHaveName("equals").and().doNotHaveName("hashCode").and().doNotHaveName("toString")
                .should(runInTheCallersTransaction())
                .because("the edge (resource, consumer, scheduler) opens the transaction; a use case that writes"
                        + " declares @Transactional(MANDATORY) so it cannot run outside one")
                .allowEmptyShould(true)
                .check(classes);

        classes().that().areAnnotatedWith(Path.class).and().resideInAPackage(servicePackage + ".rest..")
                .should().beAnnotatedWith(Authenticated.class)
                .because("every public resource declares which credential it accepts")
                .allowEmptyShould(true)
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> writeEvents(String servicePackage) {
        return DescribedPredicate.describe("service classes that append to the outbox",
                c -> c.getPackageName().startsWith(servicePackage + ".service") && !c.isRecord()
                        && c.getDirectDependenciesFromSelf().stream()
                                .anyMatch(d -> d.getTargetClass().isEquivalentTo(Outbox.class)));
    }

    private static ArchCondition<JavaMethod> runInTheCallersTransaction() {
        return new ArchCondition<>("be annotated @Transactional(MANDATORY)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean mandatory = method.tryGetAnnotationOfType(Transactional.class)
                        .map(t -> t.value() == Transactional.TxType.MANDATORY).orElse(false);
                events.add(new SimpleConditionEvent(method, mandatory, method.getFullName()
                        + (mandatory ? " is" : " is not") + " @Transactional(MANDATORY)"));
            }
        };
    }
}

package com.firsthand.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The producer side (outbox) and the consumer side (inbox: processed-event log, retries) stay apart. */
class CommonArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.firsthand.common");

    @Test
    void theOutboxAndTheInboxDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("com.firsthand.common.outbox..")
                .should().dependOnClassesThat().resideInAPackage("com.firsthand.common.inbox..")
                .because("the outbox publishes what a transaction wrote; it knows nothing of consuming")
                .check(classes);
        noClasses().that().resideInAPackage("com.firsthand.common.inbox..")
                .should().dependOnClassesThat().resideInAPackage("com.firsthand.common.outbox..")
                .because("the inbox applies each event once; publishing is the handler's business, through Outbox")
                .check(classes);
    }
}

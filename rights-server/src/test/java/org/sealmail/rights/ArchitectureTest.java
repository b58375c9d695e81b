package org.sealmail.rights;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * DESIGN.md: {@code rights-server -> crypto} only; SLF4J for logging, no console output in the
 * server code; Bouncy Castle stays in the one class that reads CMS.
 */
@AnalyzeClasses(packages = "org.sealmail.rights", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnCrypto = noClasses().that().resideInAPackage("org.sealmail.rights..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sealmail.app..", "org.sealmail.mailstore..",
                    "org.sealmail.policy..", "org.sealmail.ui..", "javafx..");

    @ArchTest
    static final ArchRule noConsoleOutput = noClasses().that().resideInAPackage("org.sealmail.rights..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace");

    @ArchTest
    static final ArchRule bouncyCastleOnlyInTheBlobReader = noClasses().that().resideInAPackage("org.sealmail.rights..")
            .and().doNotHaveFullyQualifiedName("org.sealmail.rights.content.ProtectedBlobReader")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..");
}

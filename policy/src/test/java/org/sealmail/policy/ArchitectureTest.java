package org.sealmail.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The policy module: no UI, SQL, sockets or console; depends on crypto only among Sealmail modules. */
@AnalyzeClasses(packages = "org.sealmail.policy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the editor logic is toolkit-free; views live in the app");

    @ArchTest
    static final ArchRule noSqlOrNetwork = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.mail.Transport")
            .because("the outbox is a port; storage and transport live in mailstore");

    @ArchTest
    static final ArchRule noUpperLayers = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.sealmail.app..", "org.sealmail.mailstore..", "org.sealmail.rights..")
            .because("dependencies point app -> policy -> crypto");

    @ArchTest
    static final ArchRule noConsole = noClasses().should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("libraries log through SLF4J");
}

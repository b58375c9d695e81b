package org.sealmail.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the crypto module pure (DESIGN.md "Modules"): no JavaFX, no SQL, no sockets or mail
 * transport, no printing to the console.
 */
@AnalyzeClasses(packages = "org.sealmail.crypto", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("crypto is pure Java + Bouncy Castle");

    @ArchTest
    static final ArchRule noSql = noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("the store lives in mailstore");

    @ArchTest
    static final ArchRule noMailTransport = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.mail.Store")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.mail.Transport")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.eclipse.angus.mail.imap..", "org.eclipse.angus.mail.smtp..")
            .because("moving mail belongs to mailstore");

    @ArchTest
    static final ArchRule noSockets = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient")
            .because("crypto does no network I/O");

    @ArchTest
    static final ArchRule noSealmailUpperLayers = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.sealmail.app..", "org.sealmail.mailstore..", "org.sealmail.rights..")
            .because("dependencies point app -> mailstore -> crypto");

    @ArchTest
    static final ArchRule noConsole = noClasses().should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("libraries log through SLF4J");
}

package org.sealmail.mailstore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the store a library (DESIGN.md "Modules"): no UI, no app, no console output. */
@AnalyzeClasses(packages = "org.sealmail.mailstore", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the store has no UI");

    @ArchTest
    static final ArchRule noApp = noClasses().should().dependOnClassesThat().resideInAnyPackage("org.sealmail.app..")
            .because("dependencies point app -> mailstore -> crypto");

    @ArchTest
    static final ArchRule noConsole = noClasses().should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("libraries log through SLF4J");

    @ArchTest
    static final ArchRule sqlOnlyInRepositories = noClasses().that().resideInAnyPackage("..profile..", "..transfer..", "..secrets..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.flywaydb..")
            .because("SQLite and Flyway stay behind the db package and the repositories");
}

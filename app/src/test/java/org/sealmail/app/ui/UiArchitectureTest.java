package org.sealmail.app.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Structural guarantees behind the rights enforcement and the threading rule: only one class
 * writes to the clipboard and only one starts a printer job (both reached only after the rights
 * check), view-models do not touch scene-graph classes, and no UI code writes temp files.
 */
class UiArchitectureTest {

    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sealmail.app.ui");

    @Test
    void onlySystemClipboardWriterWritesTheClipboard() {
        noClasses().that().doNotHaveFullyQualifiedName("org.sealmail.app.ui.reader.SystemClipboardWriter")
                .should().callMethod(javafx.scene.input.Clipboard.class, "setContent", java.util.Map.class)
                .orShould().callMethod(javafx.scene.input.Clipboard.class, "getSystemClipboard")
                .check(UI);
    }

    @Test
    void onlyPrinterJobPrintingCreatesPrinterJobs() {
        noClasses().that().doNotHaveFullyQualifiedName("org.sealmail.app.ui.reader.PrinterJobPrinting")
                .should().callMethod(javafx.print.PrinterJob.class, "createPrinterJob")
                .check(UI);
    }

    @Test
    void viewModelsDoNotDependOnTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(UI);
    }

    @Test
    void noUiCodeCreatesTempFiles() {
        noClasses().should().callMethod(java.io.File.class, "createTempFile", String.class, String.class)
                .orShould().callMethod(java.nio.file.Files.class, "createTempFile", String.class, String.class,
                        java.nio.file.attribute.FileAttribute[].class)
                .orShould().callMethod(java.nio.file.Files.class, "createTempFile", java.nio.file.Path.class,
                        String.class, String.class, java.nio.file.attribute.FileAttribute[].class)
                .check(UI);
    }
}

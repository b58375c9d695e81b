package org.sealmail.app.cli.store;

import org.sealmail.app.cli.TerminalText;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;
import org.sealmail.mailstore.transfer.ImportProgress;
import org.sealmail.mailstore.transfer.ImportReport;
import org.sealmail.mailstore.transfer.ImportWarning;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail store import}: imports an mbox file or a directory of .eml files into a local
 * folder, and reports how many messages were imported, already there, or malformed (kept raw).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an mbox file (--mbox) or the .eml files of a directory (--eml) into a local folder."
                + " Messages already in the folder are skipped; malformed ones are kept raw with a warning.")
public final class StoreImportCommand implements Callable<Integer> {

    private static final int WARNINGS_SHOWN = 10;
    private static final int LINE_CHARS = 200;

    @ParentCommand
    StoreCommand store;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one input. */
    static final class Source {
        @Option(names = "--mbox", paramLabel = "FILE", description = "An mbox file (mboxrd or mboxo).")
        Path mbox;

        @Option(names = "--eml", paramLabel = "DIR", description = "A directory of .eml files (or one .eml file).")
        Path eml;
    }

    @Option(names = "--folder", paramLabel = "NAME", required = true, description = "The local folder (made if missing).")
    String folder;

    @Override
    public Integer call() {
        if (folder.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--folder must name a folder; it is blank");
        }
        PrintWriter out = spec.commandLine().getOut();
        String folderName = TerminalText.oneLine(folder, LINE_CHARS);
        try (SqliteMailStore mailStore = store.open()) {
            boolean existed = mailStore.folders().findByName(null, folder).isPresent();
            Folder target = mailStore.folders().localFolder(folder);
            ImportProgress progress = progressOnConsole();
            ImportReport report;
            try {
                report = source.mbox != null
                        ? mailStore.importer().importMbox(source.mbox, target.id(), progress)
                        : mailStore.importer().importEml(source.eml, target.id(), progress);
            } catch (StoreException e) {
                if (!existed && mailStore.messages().count(target.id()) == 0) {
                    mailStore.folders().delete(target.id()); // a mistyped path leaves no empty folder behind
                }
                throw e;
            }
            out.printf("Imported %d messages into folder '%s' (%d duplicates skipped, %d malformed kept raw with a warning).%n",
                    report.imported(), folderName, report.duplicates(), report.malformed());
            int shown = 0;
            for (ImportWarning warning : report.warnings()) {
                if (shown++ == WARNINGS_SHOWN) {
                    out.printf("  ... and %d more malformed%n", report.malformed() - WARNINGS_SHOWN);
                    break;
                }
                out.printf("  malformed: %s: %s%n", TerminalText.oneLine(warning.source(), LINE_CHARS),
                        TerminalText.oneLine(firstLine(warning.warning()), LINE_CHARS));
            }
        }
        return 0;
    }

    private ImportProgress progressOnConsole() {
        if (System.console() == null) {
            return ImportProgress.NONE;
        }
        PrintWriter err = spec.commandLine().getErr();
        return (messages, bytes, total) -> {
            err.printf("\r%d messages%s", messages, total > 0 ? String.format(" (%d%%)", bytes * 100 / total) : "");
            err.flush();
        };
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end) + " ...";
    }
}

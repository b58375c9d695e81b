package org.sealmail.app.ui.reader;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.print.PrinterJob;
import javafx.stage.Window;

/** {@link Printing} with a JavaFX {@link PrinterJob} and the platform's print dialog. */
public final class PrinterJobPrinting implements Printing {

    private final Supplier<Window> owner;

    /**
     * @param owner the window that owns the print dialog
     */
    public PrinterJobPrinting(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public boolean print(PrintableContent content) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            return false;
        }
        if (!job.showPrintDialog(owner.get())) {
            job.cancelJob();
            return false;
        }
        content.printTo(job);
        return job.endJob();
    }
}

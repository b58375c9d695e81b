package org.sealmail.app.ui.reader;

/**
 * Starts printing. The only route from the reader to a {@link javafx.print.PrinterJob}; it is
 * reached only after {@link RightsGuard} allowed {@link ReaderAction#PRINT}.
 */
@FunctionalInterface
public interface Printing {

    /**
     * Creates a printer job, lets the user choose a printer and prints.
     *
     * @param content what to print
     * @return whether a job was printed (false: no printer, or the user cancelled)
     */
    boolean print(PrintableContent content);
}

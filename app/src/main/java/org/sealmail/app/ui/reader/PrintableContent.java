package org.sealmail.app.ui.reader;

import javafx.print.PrinterJob;

/** Content the view can print (the message's rendered parts). */
@FunctionalInterface
public interface PrintableContent {

    /**
     * @param job a started printer job; the content prints its pages into it
     */
    void printTo(PrinterJob job);
}

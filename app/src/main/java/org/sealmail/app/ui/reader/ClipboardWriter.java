package org.sealmail.app.ui.reader;

/**
 * Puts text on the system clipboard. The only route from the reader to the clipboard; it is
 * reached only after {@link RightsGuard} allowed {@link ReaderAction#COPY}.
 */
@FunctionalInterface
public interface ClipboardWriter {

    /**
     * @param text the text to put on the clipboard
     */
    void putText(String text);
}

package org.sealmail.app.ui.reader;

/**
 * Opens a stored message for reading: parses the MIME structure, verifies S/MIME signatures,
 * decrypts S/MIME or rights-protected content. Does I/O and crypto: never call it on the JavaFX
 * application thread.
 */
public interface MessageOpener {

    /**
     * @param messageId the store's message id
     * @return the opened message; a protection failure is reported in its status, not thrown
     * @throws java.util.NoSuchElementException when no message has that id
     */
    OpenedMessage open(long messageId);
}

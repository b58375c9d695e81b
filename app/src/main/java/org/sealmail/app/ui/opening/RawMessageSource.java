package org.sealmail.app.ui.opening;

/** The stored RFC 5322 bytes of a message (store I/O: call in the background). */
@FunctionalInterface
public interface RawMessageSource {

    /**
     * @param messageId the store's message id
     * @return the message exactly as received
     * @throws java.util.NoSuchElementException when there is no such message
     */
    byte[] raw(long messageId);
}

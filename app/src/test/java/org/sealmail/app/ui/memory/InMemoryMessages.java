package org.sealmail.app.ui.memory;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.sealmail.app.ui.reader.MessageOpener;
import org.sealmail.app.ui.reader.OpenedMessage;

/** The in-memory twin of the store-backed {@link MessageOpener}: messages already opened, by id. */
public final class InMemoryMessages implements MessageOpener {

    private final Map<Long, OpenedMessage> messages = new ConcurrentHashMap<>();

    /**
     * @param message an opened message, keyed by its id
     */
    public void put(OpenedMessage message) {
        messages.put(message.id(), message);
    }

    @Override
    public OpenedMessage open(long messageId) {
        OpenedMessage message = messages.get(messageId);
        if (message == null) {
            throw new NoSuchElementException("no message with id " + messageId);
        }
        return message;
    }
}

package org.sealmail.app.ui.reader;

import org.sealmail.crypto.rights.UsageRight;

/** An action on an open message and the usage right it needs. */
public enum ReaderAction {
    /** Copy text to the clipboard (keyboard, context menu, Edit menu) or drag it out. */
    COPY(UsageRight.EXTRACT),
    /** Print. */
    PRINT(UsageRight.PRINT),
    /** Forward. */
    FORWARD(UsageRight.FORWARD),
    /** Reply to the sender. */
    REPLY(UsageRight.REPLY),
    /** Reply to all. */
    REPLY_ALL(UsageRight.REPLYALL),
    /** Save an attachment or the message to a file. */
    SAVE(UsageRight.EXPORT);

    private final UsageRight required;

    ReaderAction(UsageRight required) {
        this.required = required;
    }

    /** @return the right this action needs */
    public UsageRight required() {
        return required;
    }
}

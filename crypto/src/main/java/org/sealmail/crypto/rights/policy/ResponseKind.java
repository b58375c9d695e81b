package org.sealmail.crypto.rights.policy;

import org.sealmail.crypto.rights.UsageRight;

/** A response to a received message, and the usage right it needs. */
public enum ResponseKind {
    /** Reply to the sender: needs {@link UsageRight#REPLY}. */
    REPLY(UsageRight.REPLY),
    /** Reply to everyone: needs {@link UsageRight#REPLYALL}. */
    REPLY_ALL(UsageRight.REPLYALL),
    /** Forward to someone else: needs {@link UsageRight#FORWARD}. */
    FORWARD(UsageRight.FORWARD);

    private final UsageRight requiredRight;

    ResponseKind(UsageRight requiredRight) {
        this.requiredRight = requiredRight;
    }

    /** @return the right the response needs */
    public UsageRight requiredRight() {
        return requiredRight;
    }
}

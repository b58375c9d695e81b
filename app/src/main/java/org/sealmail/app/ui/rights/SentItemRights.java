package org.sealmail.app.ui.rights;

import java.time.Instant;
import java.util.Optional;
import org.sealmail.app.rights.AccessLog;
import org.sealmail.app.rights.MessageStatus;

/**
 * The sender's actions on a sent message protected with online licensing (docs/rights-server-api.md §7):
 * read its state and access log, revoke it, change its expiry. Called off the JavaFX thread.
 */
public interface SentItemRights {

    /**
     * A sent message's state at the rights server.
     *
     * @param status the message status
     * @param log the access log, with who can still read offline until when
     */
    record SentItemState(MessageStatus status, AccessLog log) {
    }

    /**
     * @param messageId the stored message (the sent protected message)
     * @return its status and access log
     * @throws org.sealmail.app.rights.RightsServerProblem when the server refuses or cannot be reached
     * @throws IllegalArgumentException if the message is not protected with online licensing or no own key signed it
     */
    SentItemState state(long messageId);

    /**
     * @param messageId the stored message
     * @param reason why, shown to readers who are refused; empty for none
     * @return the state afterwards
     * @throws org.sealmail.app.rights.RightsServerProblem when the server refuses or cannot be reached
     */
    SentItemState revoke(long messageId, Optional<String> reason);

    /**
     * @param messageId the stored message
     * @param notAfter the new expiry (UTC); empty for never
     * @return the state afterwards
     * @throws org.sealmail.app.rights.RightsServerProblem when the server refuses or cannot be reached
     */
    SentItemState changeExpiry(long messageId, Optional<Instant> notAfter);
}

package org.sealmail.app.rights;

import java.time.Instant;

/**
 * Where the one-time passcode a rights server mailed comes from (docs/rights-server-api.md §4): read by
 * the client from the recipient's own mailbox, or typed by the user.
 */
public interface PasscodeSource {

    /**
     * @param contentId the message's content id (the passcode mail's {@code cid})
     * @param licensee the address the code was sent to
     * @param expiresAt when the code expires, as the server answered (the mail's {@code expires})
     * @return the 8-digit passcode
     * @throws RightsServerProblem {@code PASSCODE_NOT_FOUND} if it cannot be obtained (not arrived in time, cancelled)
     */
    String passcode(String contentId, String licensee, Instant expiresAt);

    /** Reason code for a passcode that could not be obtained on the client side. */
    String NOT_FOUND = "PASSCODE_NOT_FOUND";
}

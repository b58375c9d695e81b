package org.sealmail.mailstore.smtp;

import java.util.List;

/**
 * What one pass over the outbox did.
 *
 * @param sent entries the server accepted in this pass
 * @param recoveredAsSent entries of unknown fate found in Sent (so not sent again)
 * @param requeued entries put back for a later attempt
 * @param failed entries refused for good
 * @param unknown entries whose attempt ended without knowing the outcome (left SENDING)
 * @param errors one line per problem, for the user
 */
public record OutboxRun(int sent, int recoveredAsSent, int requeued, int failed, int unknown, List<String> errors) {

    /** Copies the list. */
    public OutboxRun {
        errors = List.copyOf(errors);
    }
}

package org.sealmail.policy.send;

import java.util.Objects;
import java.util.Optional;
import org.sealmail.policy.rules.PolicyDecision;

/**
 * The outcome of {@link OutgoingMessagePipeline#send}.
 *
 * @param status queued, blocked, override required or held
 * @param decision the rules' decision (which rules fired and why)
 * @param explanation one sentence for the user
 * @param submission what was queued, for {@link SendStatus#QUEUED}
 */
public record SendResult(SendStatus status, PolicyDecision decision, String explanation,
        Optional<OutgoingSubmission> submission) {

    /** Checks the fields. */
    public SendResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(submission, "submission");
        if ((status == SendStatus.QUEUED) != submission.isPresent()) {
            throw new IllegalArgumentException("a submission is present exactly when the message was queued");
        }
    }
}

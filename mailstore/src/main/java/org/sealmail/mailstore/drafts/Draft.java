package org.sealmail.mailstore.drafts;

import java.time.Instant;
import java.util.Objects;
import org.sealmail.mailstore.accounts.ComposeProtection;

/**
 * An autosaved draft.
 *
 * @param id the store's id (0 before it is saved)
 * @param accountId the account it will be sent from, or {@code null}
 * @param protection the protection it will be sent with
 * @param subject the subject (kept in clear, as in sent protected mail)
 * @param content the draft as a MIME message (RFC 5322 bytes)
 * @param createdAt when it was first saved (UTC)
 * @param updatedAt when it was last saved (UTC)
 */
public record Draft(long id, Long accountId, ComposeProtection protection, String subject, byte[] content,
        Instant createdAt, Instant updatedAt) {

    /** Checks the fields and copies the content. */
    public Draft {
        Objects.requireNonNull(protection, "protection");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}

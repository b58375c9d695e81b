package org.sealmail.mailstore.folders;

import java.util.Objects;

/**
 * A folder (IMAP mailbox) as stored, with the server state that incremental sync needs.
 *
 * @param id the store's id
 * @param accountId the account, or {@code null} for a local folder
 * @param name the full name on the server (with its hierarchy delimiter), or the local name
 * @param delimiter the hierarchy delimiter (RFC 3501 LIST), or {@code null} if flat
 * @param specialUse the folder's role, or {@code null}
 * @param uidValidity UIDVALIDITY (RFC 3501 §2.3.1.1), or {@code null} before the first sync
 * @param uidNext UIDNEXT, or {@code null}
 * @param highestModSeq HIGHESTMODSEQ (RFC 7162 CONDSTORE), or {@code null} if not supported
 * @param subscribed whether the folder is subscribed (RFC 3501 §6.3.6)
 */
public record Folder(long id, Long accountId, String name, String delimiter, SpecialUse specialUse, Long uidValidity,
        Long uidNext, Long highestModSeq, boolean subscribed) {

    /** Checks the name. */
    public Folder {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a folder name cannot be blank");
        }
    }

    /** @return true for a local folder (no account) */
    public boolean isLocal() {
        return accountId == null;
    }
}

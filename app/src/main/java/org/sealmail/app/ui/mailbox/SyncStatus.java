package org.sealmail.app.ui.mailbox;

import java.util.Objects;
import java.util.Optional;

/**
 * An account's connection and synchronization state for the status bar.
 *
 * @param accountId the account
 * @param state the connection state
 * @param tls the negotiated TLS protocol and cipher suite (e.g. "TLSv1.3 TLS_AES_256_GCM_SHA384"),
 *            empty when not connected
 * @param done messages synchronized in the current run
 * @param total messages to synchronize in the current run (0 when idle)
 * @param detail a failure description when {@code state} is FAILED; when CONNECTED, what the
 *               outbox could not send in the last run; otherwise empty
 */
public record SyncStatus(long accountId, ConnectionState state, Optional<String> tls, int done, int total,
        String detail) {

    /** Rejects nulls. */
    public SyncStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * @param accountId the account
     * @return the status of an account that has not connected yet
     */
    public static SyncStatus offline(long accountId) {
        return new SyncStatus(accountId, ConnectionState.OFFLINE, Optional.empty(), 0, 0, "");
    }
}

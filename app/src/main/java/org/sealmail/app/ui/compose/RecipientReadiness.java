package org.sealmail.app.ui.compose;

import java.util.Objects;

/**
 * Whether one recipient can receive the message with the chosen protection.
 *
 * @param address the recipient's address
 * @param status the result of the check
 */
public record RecipientReadiness(String address, Status status) {

    /** The result of checking one recipient. */
    public enum Status {
        /** The recipient can be protected for (or no protection is needed). */
        READY,
        /** Being checked. */
        CHECKING,
        /** Not a valid address (RFC 5322 addr-spec). */
        INVALID_ADDRESS,
        /** No usable certificate is known for this address (S/MIME or certificate-based rights). */
        NO_CERTIFICATE,
        /** The rights server that would license this recipient cannot be reached. */
        RIGHTS_SERVER_UNAVAILABLE
    }

    /** Rejects nulls. */
    public RecipientReadiness {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
    }

    /** @return whether sending to this recipient may go ahead */
    public boolean ready() {
        return status == Status.READY;
    }
}

package org.sealmail.policy.send;

import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.message.OnlineLicensing;
import org.sealmail.crypto.rights.message.Registration;

/**
 * The rights server as the send pipeline sees it (docs/rights-server-api.md §1, §3): where to wrap
 * content-encryption keys for online licensing, and where to register each message so protected. The
 * app implements it over HTTPS; when it fails the message is held, never sent unregistered.
 */
public interface OnlineLicensingPort {

    /**
     * @return the rights server with its current key certificate (and the key service, with double key encryption)
     * @throws RuntimeException if the rights server cannot be asked; its message says why
     */
    OnlineLicensing licensing();

    /**
     * @return true if every message protected through this port uses double key encryption (then every recipient
     *     is licensed online, even one with a certificate)
     */
    boolean doubleKey();

    /**
     * Registers a protected message with the rights server (idempotent on retry).
     *
     * @param registration what the builder produced
     * @param sender the sender's key, which signs the request
     * @throws RuntimeException if the server refuses or cannot be reached; its message says why
     */
    void register(Registration registration, CertifiedKey sender);
}

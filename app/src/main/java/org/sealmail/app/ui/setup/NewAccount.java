package org.sealmail.app.ui.setup;

import java.util.Objects;

/**
 * An account as the wizard creates it.
 *
 * @param name the person's name (for From)
 * @param address the e-mail address
 * @param username the login name
 * @param password the password (the service stores it in the secret store; the wizard clears its copy)
 * @param imap the IMAP server
 * @param smtp the submission server
 * @param pinnedFingerprints SHA-256 fingerprints of server certificates the user accepted after
 *                           checking them (for servers whose certificate the platform does not trust)
 */
public record NewAccount(String name, String address, String username, char[] password, ServerEndpoint imap,
        ServerEndpoint smtp, java.util.List<String> pinnedFingerprints) {

    /** Copies the pins and rejects nulls. */
    public NewAccount {
        pinnedFingerprints = java.util.List.copyOf(pinnedFingerprints);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(smtp, "smtp");
    }
}

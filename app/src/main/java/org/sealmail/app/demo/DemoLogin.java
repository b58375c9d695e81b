package org.sealmail.app.demo;

import java.util.Objects;

/**
 * One demo mailbox: the address, the login name on the servers and its password.
 *
 * @param address the e-mail address (From, certificate subjectAltName)
 * @param username the IMAP and SMTP login
 * @param password the password (never printed)
 */
public record DemoLogin(String address, String username, char[] password) {

    /** Rejects nulls and copies the password. */
    public DemoLogin {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(username, "username");
        password = Objects.requireNonNull(password, "password").clone();
    }

    /** @return a copy of the password (the transport may wipe what it is given) */
    @Override
    public char[] password() {
        return password.clone();
    }

    /** @return the address only: the password stays out of logs */
    @Override
    public String toString() {
        return "DemoLogin[" + address + "]";
    }
}

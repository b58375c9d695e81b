package org.sealmail.mailstore.server;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a client logs in with: a user name and either a password (SASL PLAIN or LOGIN, RFC 4616)
 * or an OAuth 2.0 access token (SASL XOAUTH2). The secret is copied in and can be wiped with
 * {@link #destroy()}.
 */
public final class Credentials {

    private final String username;
    private final char[] secret;
    private final boolean oauth2;

    private Credentials(String username, char[] secret, boolean oauth2) {
        this.username = Objects.requireNonNull(username, "username");
        this.secret = Objects.requireNonNull(secret, "secret").clone();
        this.oauth2 = oauth2;
    }

    /**
     * @param username the login name (often the full address)
     * @param password the password; copied
     * @return password credentials for AUTH PLAIN / LOGIN
     */
    public static Credentials password(String username, char[] password) {
        return new Credentials(username, password, false);
    }

    /**
     * @param username the login name
     * @param accessToken an OAuth 2.0 bearer token; copied
     * @return token credentials for AUTH XOAUTH2 (only that mechanism is then offered)
     */
    public static Credentials oauth2(String username, char[] accessToken) {
        return new Credentials(username, accessToken, true);
    }

    /** @return the login name */
    public String username() {
        return username;
    }

    /** @return the password or token as a new String (Jakarta Mail takes only Strings) */
    public String secretAsString() {
        return new String(secret);
    }

    /** @return true when the secret is an OAuth 2.0 token (XOAUTH2) */
    public boolean isOAuth2() {
        return oauth2;
    }

    /** Overwrites the secret with zeros. */
    public void destroy() {
        Arrays.fill(secret, '\0');
    }

    @Override
    public String toString() {
        return "Credentials[" + username + (oauth2 ? ", XOAUTH2" : ", password") + "]";
    }
}

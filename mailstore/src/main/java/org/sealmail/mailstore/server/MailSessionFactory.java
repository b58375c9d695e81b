package org.sealmail.mailstore.server;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import org.sealmail.mailstore.tls.AccountTrust;
import org.sealmail.mailstore.tls.TlsSocketFactory;

/**
 * Builds Jakarta Mail sessions for one server: TLS 1.3/1.2 through the account's
 * {@link TlsSocketFactory}, host-name verification on (RFC 6125), STARTTLS required where the
 * endpoint says so (never a plaintext fallback), the SASL mechanisms chosen from the credentials
 * (PLAIN and LOGIN for a password, XOAUTH2 for a token), bounded timeouts.
 */
public final class MailSessionFactory {

    /** TCP connect timeout. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** Read timeout of ordinary commands. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(90);

    private final AccountTrust trust;
    private final TlsSocketFactory socketFactory;

    /** @param trust what the account trusts beyond the platform CAs */
    public MailSessionFactory(AccountTrust trust) {
        this.trust = trust;
        this.socketFactory = new TlsSocketFactory(trust);
    }

    /** @return what the sessions trust */
    public AccountTrust trust() {
        return trust;
    }

    /**
     * @param endpoint the IMAP server
     * @return the Jakarta Mail protocol name to use with {@link #imapSession}: {@code imaps} or {@code imap}
     */
    public static String imapProtocol(ServerEndpoint endpoint) {
        return endpoint.security() == ConnectionSecurity.IMPLICIT_TLS ? "imaps" : "imap";
    }

    /**
     * @param endpoint the SMTP submission server
     * @return the Jakarta Mail protocol name: {@code smtps} or {@code smtp}
     */
    public static String smtpProtocol(ServerEndpoint endpoint) {
        return endpoint.security() == ConnectionSecurity.IMPLICIT_TLS ? "smtps" : "smtp";
    }

    /**
     * @param endpoint the IMAP server
     * @param oauth2 whether to authenticate with XOAUTH2 instead of a password
     * @param readTimeout socket read timeout (longer for IDLE connections)
     * @return a session for {@link #imapProtocol(ServerEndpoint)}
     */
    public Session imapSession(ServerEndpoint endpoint, boolean oauth2, Duration readTimeout) {
        String p = imapProtocol(endpoint);
        Properties props = common(p, endpoint, oauth2, readTimeout);
        props.put("mail." + p + ".peek", "true");                   // reading a body never sets \Seen
        props.put("mail." + p + ".partialfetch", "false");          // one FETCH per body, not 16 KiB pieces
        props.put("mail." + p + ".fetchsize", String.valueOf(1 << 20));
        props.put("mail." + p + ".closefoldersonstorefailure", "true");
        return Session.getInstance(props);
    }

    /**
     * @param endpoint the submission server
     * @param oauth2 whether to authenticate with XOAUTH2 instead of a password
     * @return a session for {@link #smtpProtocol(ServerEndpoint)}
     */
    public Session smtpSession(ServerEndpoint endpoint, boolean oauth2) {
        String p = smtpProtocol(endpoint);
        Properties props = common(p, endpoint, oauth2, READ_TIMEOUT);
        props.put("mail." + p + ".auth", "true");
        props.put("mail." + p + ".writetimeout", String.valueOf(READ_TIMEOUT.toMillis()));
        props.put("mail." + p + ".localhost", "[127.0.0.1]");     // do not reveal the machine's name in EHLO
        props.put("mail." + p + ".sendpartial", "false");
        return Session.getInstance(props);
    }

    private Properties common(String p, ServerEndpoint endpoint, boolean oauth2, Duration readTimeout) {
        Properties props = new Properties();
        props.put("mail." + p + ".host", endpoint.host());
        props.put("mail." + p + ".port", String.valueOf(endpoint.port()));
        props.put("mail." + p + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        props.put("mail." + p + ".timeout", String.valueOf(readTimeout.toMillis()));
        props.put("mail." + p + ".ssl.socketFactory", socketFactory);
        // without this, Angus retries a connection our factory refused with the JVM's default
        // SSLSocketFactory (other trust, no pins): never
        props.put("mail." + p + ".socketFactory.fallback", "false");
        props.put("mail." + p + ".ssl.checkserveridentity", "true");
        props.put("mail." + p + ".ssl.protocols", String.join(" ", TlsSocketFactory.PROTOCOLS));
        if (endpoint.security() == ConnectionSecurity.IMPLICIT_TLS) {
            props.put("mail." + p + ".ssl.enable", "true");
        } else {
            props.put("mail." + p + ".starttls.enable", "true");
            props.put("mail." + p + ".starttls.required", "true");
        }
        props.put("mail." + p + ".auth.mechanisms", oauth2 ? "XOAUTH2" : "PLAIN LOGIN");
        return props;
    }
}

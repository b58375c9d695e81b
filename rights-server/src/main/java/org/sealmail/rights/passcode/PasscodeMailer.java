package org.sealmail.rights.passcode;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.rights.config.SmtpSettings;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;

/**
 * Mails one-time passcodes through the configured SMTP relay (RFC 5321; STARTTLS RFC 3207 or
 * implicit TLS RFC 8314 with hostname verification, trusting the platform or the configured
 * CA file). The mail carries {@code X-Sealmail-Passcode: cid=...; expires=...} and a line
 * {@code Passcode: NNNNNNNN} (docs/rights-server-api.md §4). The code is never logged.
 */
public final class PasscodeMailer {

    /** Subject of passcode mails. */
    public static final String SUBJECT = "Your Sealmail passcode";

    /** Header that marks a passcode mail for clients reading it from the mailbox. */
    public static final String HEADER = "X-Sealmail-Passcode";

    private final SmtpSettings settings;
    private final Session session;

    /**
     * @param settings the relay
     * @throws org.sealmail.rights.config.ConfigException never; a bad trust file fails at first use
     */
    public PasscodeMailer(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    /**
     * @param licensee the recipient address
     * @param senderName who sent the protected message (shown in the mail)
     * @param cid content id
     * @param code the passcode
     * @param expiresAt its expiry
     * @throws RightsProblem {@link ProblemReason#MAIL_RELAY_FAILED} if the relay refuses or cannot be reached
     */
    public void send(String licensee, String senderName, String cid, String code, Instant expiresAt) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(licensee));
            message.setSubject(SUBJECT, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader(HEADER, "cid=" + cid + "; expires=" + expiresAt.getEpochSecond());
            message.setText("Use this passcode to read the protected message " + senderName + " sent you.\r\n\r\n"
                    + "Passcode: " + code + "\r\n\r\n"
                    + "It is valid until " + expiresAt + " (UTC) and works once. If you did not ask for it, ignore this mail.\r\n",
                    StandardCharsets.UTF_8.name());
            if (settings.user().isPresent()) {
                Transport.send(message, settings.user().get(), new String(settings.password().orElse(new char[0])));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new RightsProblem(ProblemReason.MAIL_RELAY_FAILED, "the SMTP relay " + settings.host() + ":" + settings.port()
                    + " did not take the passcode mail: " + e.getMessage(), e);
        }
    }

    private static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        String protocol = settings.security().equals("tls") ? "smtps" : "smtp";
        properties.put("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", Integer.toString(settings.port()));
        properties.put(prefix + "connectiontimeout", "10000");
        properties.put(prefix + "timeout", "20000");
        properties.put(prefix + "auth", Boolean.toString(settings.user().isPresent()));
        if (!settings.security().equals("none")) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
            properties.put(prefix + "ssl.protocols", "TLSv1.3 TLSv1.2");
            settings.trust().ifPresent(file -> properties.put(prefix + "ssl.socketFactory", socketFactory(file)));
            if (settings.security().equals("starttls")) {
                properties.put(prefix + "starttls.enable", "true");
                properties.put(prefix + "starttls.required", "true");
            }
        }
        return properties;
    }

    private static javax.net.ssl.SSLSocketFactory socketFactory(java.nio.file.Path file) {
        try {
            List<X509Certificate> anchors = CertificateFiles.read(file);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int index = 0; index < anchors.size(); index++) {
                store.setCertificateEntry("anchor-" + index, anchors.get(index));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new org.sealmail.rights.config.ConfigException("smtp.trust: cannot use " + file + ": " + e.getMessage(), e);
        }
    }
}

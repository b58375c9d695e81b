package org.sealmail.mailstore.smtp;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.sealmail.mailstore.server.AuthenticationGuard;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.MailExceptionTranslator;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.server.MailServerFailure;
import org.sealmail.mailstore.server.MailSessionFactory;

/**
 * Submits messages to the account's submission server (RFC 6409): STARTTLS on 587 (RFC 3207,
 * required) or implicit TLS on 465 (RFC 8314), AUTH PLAIN / LOGIN (RFC 4954) or XOAUTH2 when the
 * credentials are a token. The message is transmitted as composed (headers untouched, Bcc
 * omitted from the data but used in the envelope). A failure says whether the server can have
 * accepted the message ({@link SubmissionOutcome}).
 */
public final class SmtpSubmitter {

    private final MailAccount account;
    private final Credentials credentials;
    private final AuthenticationGuard guard;
    private final MailSessionFactory sessions;

    /**
     * @param account the sending account
     * @param credentials its login
     * @param guard refuses marked accounts and marks rejected ones
     */
    public SmtpSubmitter(MailAccount account, Credentials credentials, AuthenticationGuard guard) {
        this.account = account;
        this.credentials = credentials;
        this.guard = guard;
        this.sessions = new MailSessionFactory(account.trust());
    }

    /** @return a session for composing and parsing messages for this server */
    public Session session() {
        return sessions.smtpSession(account.smtp(), credentials.isOAuth2());
    }

    /**
     * @param rfc822 the complete message
     * @param envelopeFrom MAIL FROM, or null for the message's From
     * @param envelopeRecipients RCPT TO; empty for every recipient in the headers (To, Cc, Bcc)
     * @return it parsed, with its envelope
     * @throws MailServerException REJECTED if it cannot be parsed or has no recipient
     */
    public ParsedSubmission parse(byte[] rfc822, String envelopeFrom, java.util.List<String> envelopeRecipients) {
        try {
            Session session = session();
            if (envelopeFrom != null) {
                session.getProperties().put("mail." + MailSessionFactory.smtpProtocol(account.smtp()) + ".from", envelopeFrom);
            }
            MimeMessage message = new TrackedMessage(session, rfc822);
            Address[] recipients = envelopeRecipients.isEmpty() ? message.getAllRecipients()
                    : jakarta.mail.internet.InternetAddress.parse(String.join(",", envelopeRecipients), true);
            if (recipients == null || recipients.length == 0) {
                throw new MailServerException(MailServerFailure.REJECTED, "the message has no recipients", null);
            }
            return new ParsedSubmission((TrackedMessage) message, recipients);
        } catch (MessagingException e) {
            throw new MailServerException(MailServerFailure.REJECTED, "the message cannot be parsed: " + e.getMessage(), e);
        }
    }

    /**
     * Sends one message over a new connection, its envelope taken from its headers.
     *
     * @param rfc822 the complete message
     * @return the server's last reply (e.g. {@code 250 2.0.0 Ok: queued as 4Xy...})
     * @throws SubmissionException on failure, with the outcome
     */
    public String submit(byte[] rfc822) {
        return submit(rfc822, null, java.util.List.of());
    }

    /**
     * Sends one message over a new connection.
     *
     * @param rfc822 the complete message
     * @param envelopeFrom MAIL FROM, or null for the message's From
     * @param envelopeRecipients RCPT TO; empty for To, Cc and Bcc of the headers
     * @return the server's last reply
     * @throws SubmissionException on failure, with the outcome
     */
    public String submit(byte[] rfc822, String envelopeFrom, java.util.List<String> envelopeRecipients) {
        ParsedSubmission parsed;
        try {
            parsed = parse(rfc822, envelopeFrom, envelopeRecipients);
        } catch (MailServerException e) {
            throw new SubmissionException(SubmissionOutcome.NOT_SENT, e);
        }
        try {
            guard.checkAllowed(account);
        } catch (MailServerException e) {
            throw new SubmissionException(SubmissionOutcome.NOT_SENT, e);
        }
        Session session = parsed.message().session();
        SMTPTransport transport;
        try {
            transport = (SMTPTransport) session.getTransport(MailSessionFactory.smtpProtocol(account.smtp()));
        } catch (MessagingException e) {
            throw new IllegalStateException("Jakarta Mail has no SMTP provider", e);
        }
        try {
            transport.connect(account.smtp().host(), account.smtp().port(), credentials.username(),
                    credentials.secretAsString());
        } catch (MessagingException | RuntimeException e) {
            throw new SubmissionException(SubmissionOutcome.NOT_SENT,
                    guard.record(account, MailExceptionTranslator.translate("SMTP login", account.smtp(), e)));
        }
        try {
            transport.sendMessage(parsed.message(), parsed.recipients());
            return transport.getLastServerResponse();
        } catch (MessagingException | RuntimeException e) {
            MailServerException failure = MailExceptionTranslator.translate("SMTP submission", account.smtp(), e);
            // Angus reports a connection lost while waiting for the reply as SMTPSendFailedException
            // with return code -1 ("[EOF]"): only a real reply code (4xx/5xx) means "not accepted"
            SMTPSendFailedException reply = MailExceptionTranslator.find(e, SMTPSendFailedException.class);
            boolean answered = reply != null && reply.getReturnCode() >= 400 || !parsed.message().fullyWritten();
            throw new SubmissionException(answered ? SubmissionOutcome.NOT_SENT : SubmissionOutcome.UNKNOWN, failure);
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the message's fate is already decided; a failing QUIT changes nothing
            }
        }
    }

    /**
     * A parsed message ready to send.
     *
     * @param message the message
     * @param recipients the envelope recipients
     */
    public record ParsedSubmission(TrackedMessage message, Address[] recipients) {
    }

    /**
     * A message parsed from its bytes that records whether it was written out completely:
     * Jakarta Mail writes the message and only then the end-of-data marker, so until then the
     * server cannot have accepted it.
     */
    public static final class TrackedMessage extends MimeMessage {

        private volatile boolean fullyWritten;

        TrackedMessage(Session session, byte[] rfc822) throws MessagingException {
            super(session, new ByteArrayInputStream(rfc822));
        }

        /** @return the session */
        Session session() {
            return session;
        }

        /** @return whether the whole message was written to the transport at least once */
        public boolean fullyWritten() {
            return fullyWritten;
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
            super.writeTo(os, ignoreList);
            os.flush();
            fullyWritten = true;
        }

        @Override
        protected void updateMessageID() {
            // keep the Message-ID the message was queued with: the outbox finds it in Sent by it
        }
    }
}

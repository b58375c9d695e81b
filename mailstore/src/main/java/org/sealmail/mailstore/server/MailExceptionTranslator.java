package org.sealmail.mailstore.server;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.sealmail.mailstore.tls.UntrustedCertificateException;

/**
 * Turns Jakarta Mail's exceptions into {@link MailServerException}s with a kind and a message
 * that names the server and what was being done.
 */
public final class MailExceptionTranslator {

    private MailExceptionTranslator() {
    }

    /**
     * @param action what was being done, e.g. "IMAP login" or "sync of INBOX"
     * @param endpoint the server
     * @param exception what Jakarta Mail (or the socket) threw
     * @return the translated exception (the original as its cause)
     */
    public static MailServerException translate(String action, ServerEndpoint endpoint, Exception exception) {
        if (exception instanceof MailServerException already) {
            return already;
        }
        String where = action + " at " + endpoint.host() + ":" + endpoint.port();
        UntrustedCertificateException untrusted = find(exception, UntrustedCertificateException.class);
        if (untrusted != null) {
            String host = endpoint.host();
            return new MailServerException(MailServerFailure.CERTIFICATE_UNTRUSTED,
                    where + ": certificate for " + host + " not trusted: SHA-256 " + untrusted.fingerprint()
                            + " (issuer " + untrusted.chain().get(0).getIssuerX500Principal()
                            + "); check it and pin it for this account if it is the right one",
                    exception, untrusted.fingerprint());
        }
        if (exception instanceof AuthenticationFailedException) {
            String detail = exception.getMessage() == null || exception.getMessage().isBlank()
                    ? "" : " (" + exception.getMessage().trim() + ")";
            return new MailServerException(MailServerFailure.AUTHENTICATION_FAILED,
                    where + ": the server rejected the user name or password" + detail, exception);
        }
        if (exception instanceof SMTPSendFailedException smtp) {
            return smtpReply(where, smtp.getReturnCode(), smtp.getMessage(), exception);
        }
        if (exception instanceof SendFailedException send) {
            SMTPAddressFailedException address = find(exception, SMTPAddressFailedException.class);
            if (address != null) {
                return smtpReply(where, address.getReturnCode(), "recipient " + address.getAddress()
                        + " refused: " + address.getMessage().trim(), exception);
            }
            return new MailServerException(MailServerFailure.REJECTED, where + ": " + send.getMessage(), exception);
        }
        if (exception instanceof FolderNotFoundException) {
            return new MailServerException(MailServerFailure.FOLDER_NOT_FOUND, where + ": " + exception.getMessage(), exception);
        }
        CertificateException certificate = find(exception, CertificateException.class);
        SSLException ssl = find(exception, SSLException.class);
        if (certificate != null || ssl != null) {
            Throwable reason = certificate != null ? certificate : ssl;
            return new MailServerException(MailServerFailure.TLS, where + ": TLS failed: " + reason.getMessage(), exception);
        }
        if (exception instanceof MessagingException messaging && messaging.getMessage() != null
                && messaging.getMessage().contains("STARTTLS")) {
            return new MailServerException(MailServerFailure.TLS, where + ": " + messaging.getMessage(), exception);
        }
        if (find(exception, UnknownHostException.class) != null) {
            return new MailServerException(MailServerFailure.CONNECTION, where + ": unknown host " + endpoint.host(), exception);
        }
        if (find(exception, ConnectException.class) != null || find(exception, SocketTimeoutException.class) != null
                || find(exception, IOException.class) != null || exception instanceof StoreClosedException
                || exception instanceof FolderClosedException) {
            return new MailServerException(MailServerFailure.CONNECTION, where + ": connection failed or lost: "
                    + rootMessage(exception), exception);
        }
        return new MailServerException(MailServerFailure.PROTOCOL, where + ": " + rootMessage(exception), exception);
    }

    private static MailServerException smtpReply(String where, int code, String text, Exception cause) {
        if (code < 0) {
            return new MailServerException(MailServerFailure.CONNECTION, where + ": connection lost before the server replied ("
                    + text.trim() + ")", cause);
        }
        MailServerFailure failure = code >= 400 && code < 500 ? MailServerFailure.TEMPORARILY_REJECTED
                : code == 535 || code == 534 ? MailServerFailure.AUTHENTICATION_FAILED
                : code >= 500 ? MailServerFailure.REJECTED : MailServerFailure.PROTOCOL;
        return new MailServerException(failure, where + ": server replied " + code + ": " + text.trim(), cause);
    }

    /** @return the message of the innermost cause, for a one-line description */
    public static String rootMessage(Throwable throwable) {
        Throwable root = throwable;
        Set<Throwable> seen = new HashSet<>();
        while (next(root) != null && seen.add(root)) {
            root = next(root);
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message != null ? ": " + message.trim() : "");
    }

    /**
     * Searches the cause chain (including {@link MessagingException#getNextException()}) for a type.
     *
     * @return the first match, or null
     */
    public static <T extends Throwable> T find(Throwable throwable, Class<T> type) {
        Set<Throwable> seen = new HashSet<>();
        Throwable current = throwable;
        while (current != null && seen.add(current)) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            for (Throwable suppressed : current.getSuppressed()) {
                if (type.isInstance(suppressed)) {
                    return type.cast(suppressed);
                }
            }
            current = next(current);
        }
        return null;
    }

    private static Throwable next(Throwable throwable) {
        if (throwable instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return throwable.getCause();
    }
}

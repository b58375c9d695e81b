package org.sealmail.crypto.rights.message;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.rights.license.PublishingLicense;

/**
 * A protected message as built by {@link ProtectedMessageBuilder}: the outer MIME message
 * ready to send, the publishing license it carries, and the protected blob inside it.
 *
 * @param message the outer {@code multipart/mixed} message
 * @param publishingLicense the publishing license signed into it
 * @param blob the DER CMS AuthEnvelopedData (the {@link ProtectedMessageFormat#MEDIA_TYPE} part, decoded)
 * @param registration what to register with the rights server, when protected with online licensing
 */
public record ProtectedMessage(MimeMessage message, PublishingLicense publishingLicense, byte[] blob,
        Optional<Registration> registration) {

    /** Checks the fields and copies the blob. */
    public ProtectedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(publishingLicense, "publishingLicense");
        Objects.requireNonNull(registration, "registration");
        blob = blob.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /**
     * @return the outer message in RFC 5322 form with CRLF line ends
     * @throws CryptoException {@link CryptoFailure#IO} if it cannot be written
     */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(blob.length * 4 / 3 + 4096);
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot write the protected message: " + e.getMessage(), e);
        }
    }

    /**
     * @param message any message
     * @return true if it has the structure of a Sealmail protected message (multipart/mixed with a blob part)
     */
    public static boolean isProtected(MimeMessage message) {
        return ProtectedMimeStructure.isProtected(message);
    }
}

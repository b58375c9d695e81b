package org.sealmail.crypto.rights.message;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;

/**
 * The {@link ProtectedMessageFormat#HEADER} of a protected message in clear: its content id and, with
 * online licensing, its rights server ({@code X-Sealmail-Protection: version=1; content-id="<uuid>";
 * rights-server="<url>"}). Not authenticated: the sender uses it to address the rights server about
 * a message it sent, the opener to know whom to ask; every license is checked against the signed content.
 *
 * @param contentId the content id
 * @param rightsServer the rights server, when the message was protected with online licensing
 */
public record ProtectionHeader(String contentId, Optional<URI> rightsServer) {

    /** Checks that no field is missing. */
    public ProtectionHeader {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(rightsServer, "rightsServer");
    }

    /**
     * @param message an outer protected message
     * @return its protection header
     * @throws ProtectionRefusedException {@link Refusal#MALFORMED} if the header is missing or names no content id,
     *     {@link Refusal#WRAPPER_ALTERED} if the rights server is not an https URL
     */
    public static ProtectionHeader read(MimeMessage message) {
        try {
            String contentId = ProtectedMimeStructure.headerContentId(message).orElseThrow(() -> new ProtectionRefusedException(
                    Refusal.MALFORMED, "not a protected message: no " + ProtectedMessageFormat.HEADER + " header"));
            return new ProtectionHeader(contentId, ProtectedMimeStructure.headerRightsServer(message));
        } catch (MessagingException e) {
            throw new ProtectionRefusedException(Refusal.MALFORMED, "cannot read the " + ProtectedMessageFormat.HEADER
                    + " header: " + e.getMessage(), e);
        }
    }
}

package org.sealmail.app.rights;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A registered message as the rights server reports it (docs/rights-server-api.md §3, "Message status").
 *
 * @param contentId the content id
 * @param issuer the sender's address
 * @param registeredAt when it was registered (UTC)
 * @param notAfter the effective expiry; empty for never
 * @param revokedAt when the sender revoked it, if revoked
 * @param revocationReason the reason given, if any
 * @param doubleKey true if registered with double key encryption
 * @param webReader true if the web reader can show it (blob uploaded)
 * @param readerUrl the web reader page, {@code {server}/m/{cid}}
 * @param recipients who is granted what (right names)
 */
public record MessageStatus(String contentId, String issuer, Instant registeredAt, Optional<Instant> notAfter,
        Optional<Instant> revokedAt, Optional<String> revocationReason, boolean doubleKey, boolean webReader,
        String readerUrl, List<Recipient> recipients) {

    /** Copies the list. */
    public MessageStatus {
        recipients = List.copyOf(recipients);
    }

    /**
     * One licensee of the message.
     *
     * @param licensee the address
     * @param rights the RMS right names granted
     */
    public record Recipient(String licensee, List<String> rights) {
    }

    static MessageStatus read(JsonMembers json) {
        return new MessageStatus(json.string("cid"), json.string("issuer"), json.requiredInstant("registered_at"),
                json.instant("not_after"), json.instant("revoked_at"), json.optionalString("revocation_reason"),
                json.bool("double_key"), json.bool("web_reader"), json.optionalString("reader_url").orElse(""),
                json.objects("recipients").stream().map(item -> new Recipient(item.string("licensee"), item.strings("rights")))
                        .toList());
    }
}

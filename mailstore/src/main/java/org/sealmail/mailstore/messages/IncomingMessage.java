package org.sealmail.mailstore.messages;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A message about to be added to a folder: its raw bytes as received, already parsed, hashed and
 * compressed (so that the work happens outside the write transaction).
 *
 * @param raw the raw message (RFC 5322) as received; for a protected message the encrypted form
 * @param parsed what {@link MessageParser} read from it
 * @param contentHash SHA-256 of {@code raw}
 * @param compressed {@code raw} compressed by {@link RawMessageCompression#compress}
 * @param internalDate when it arrived (UTC)
 * @param uid the IMAP UID, or {@code null}
 * @param flags the system flags
 * @param keywords the keywords
 */
public record IncomingMessage(byte[] raw, ParsedMessage parsed, byte[] contentHash, byte[] compressed, Instant internalDate,
        Long uid, Set<MessageFlag> flags, Set<String> keywords) {

    /** Checks the fields and copies the sets. */
    public IncomingMessage {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(parsed, "parsed");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(compressed, "compressed");
        Objects.requireNonNull(internalDate, "internalDate");
        flags = Set.copyOf(flags);
        keywords = Set.copyOf(keywords);
    }

    /**
     * Parses and hashes a raw message.
     *
     * @param parser the parser
     * @param raw the raw message
     * @param internalDate when it arrived, or {@code null} to take its Date header (or now)
     * @param uid the IMAP UID, or {@code null}
     * @param flags the system flags
     * @param keywords the keywords
     * @return the message, ready for {@link MessageRepository#add}
     */
    public static IncomingMessage of(MessageParser parser, byte[] raw, Instant internalDate, Long uid, Set<MessageFlag> flags,
            Set<String> keywords) {
        ParsedMessage parsed = parser.parse(raw);
        Instant date = internalDate != null ? internalDate : parsed.sentDate() != null ? parsed.sentDate() : Instant.now();
        return new IncomingMessage(raw, parsed, sha256(raw), RawMessageCompression.compress(raw), date, uid, flags, keywords);
    }

    /** @return this message with another internal date */
    public IncomingMessage withInternalDate(Instant date) {
        return new IncomingMessage(raw, parsed, contentHash, compressed, date, uid, flags, keywords);
    }

    /** @return SHA-256 (FIPS 180-4) of the bytes */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

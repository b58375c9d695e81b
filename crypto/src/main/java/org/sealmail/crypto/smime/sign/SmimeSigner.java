package org.sealmail.crypto.smime.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.smime.mime.RawMimeEntity;
import org.sealmail.crypto.smime.mime.RawMimeHeaders;
import org.sealmail.crypto.smime.mime.RawMimeParser;
import org.sealmail.crypto.smime.mime.SevenBitCanonicalizer;
import org.sealmail.crypto.smime.mime.TransferEncodings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs an RFC 5322 message with S/MIME (RFC 8551 §3.5). The message's own header fields
 * (From, To, Subject, Date, Message-ID...) stay outside; its MIME entity (the Content-* fields
 * and the body) is canonicalised by {@link SevenBitCanonicalizer} and signed, either detached
 * in a {@code multipart/signed} or encapsulated in {@code application/pkcs7-mime;
 * smime-type=signed-data}. The output uses CRLF line ends throughout.
 */
public final class SmimeSigner {

    private static final Logger LOG = LoggerFactory.getLogger(SmimeSigner.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    /** A signer that stamps the current time as signingTime. */
    public SmimeSigner() {
        this(Clock.systemUTC());
    }

    /** @param clock source of the signingTime attribute */
    public SmimeSigner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Signs a message.
     *
     * @param message the raw message bytes (header fields, blank line, body; any line ends)
     * @param key the signer's private key and certificate chain (the chain goes into the message)
     * @param options format, digest and scheme
     * @return the signed message bytes, CRLF line ends
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if the input is not a message;
     *     {@link CryptoFailure#UNSUPPORTED_ALGORITHM} for a key type that cannot sign;
     *     {@link CryptoFailure#KEY_STORE} if the key refuses to sign
     */
    public byte[] sign(byte[] message, CertifiedKey key, SigningOptions options) {
        RawMimeEntity parsed = RawMimeParser.parseMessage(message);
        byte[] entity = SevenBitCanonicalizer.entityOf(parsed);
        DigestAlgorithm digest = options.digest().orElseGet(() -> SignedDataBuilder.defaultDigest(key.certificate()));
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        boolean opaque = options.format() == SignatureFormat.OPAQUE;
        byte[] signedData = SignedDataBuilder.build(entity, key, digest, options.rsaScheme(), options.capabilities(),
                signingTime, opaque);
        LOG.debug("signed {} bytes for {} ({}, {}, {})", entity.length, key.alias(), options.format(), digest,
                options.rsaScheme());
        ByteArrayOutputStream out = new ByteArrayOutputStream(entity.length + signedData.length * 2 + 1024);
        writeOuterHeaders(out, parsed);
        if (opaque) {
            ascii(out, "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=\"smime.p7m\"\r\n");
            ascii(out, "Content-Transfer-Encoding: base64\r\n");
            ascii(out, "Content-Disposition: attachment; filename=\"smime.p7m\"\r\n");
            ascii(out, "\r\n");
            out.writeBytes(TransferEncodings.encodeBase64(signedData));
        } else {
            String boundary = boundaryNotIn(entity);
            ascii(out, "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg="
                    + digest.micalg() + ";\r\n\tboundary=\"" + boundary + "\"\r\n");
            ascii(out, "\r\n");
            ascii(out, "This is an S/MIME signed message (RFC 8551).\r\n");
            ascii(out, "\r\n--" + boundary + "\r\n");
            out.writeBytes(entity);
            ascii(out, "\r\n--" + boundary + "\r\n");
            ascii(out, "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n");
            ascii(out, "Content-Transfer-Encoding: base64\r\n");
            ascii(out, "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n");
            ascii(out, "Content-Description: S/MIME Cryptographic Signature\r\n");
            ascii(out, "\r\n");
            out.writeBytes(TransferEncodings.encodeBase64(signedData));
            ascii(out, "--" + boundary + "--\r\n");
        }
        return out.toByteArray();
    }

    /**
     * The exact bytes {@link #sign} signs for a message: its canonical MIME entity.
     *
     * @param message raw message bytes
     * @return the canonical entity (Content-* fields, blank line, 7-bit-safe body, CRLF)
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if the input is not a message
     */
    public static byte[] signedEntityOf(byte[] message) {
        return SevenBitCanonicalizer.entityOf(RawMimeParser.parseMessage(message));
    }

    private static void writeOuterHeaders(ByteArrayOutputStream out, RawMimeEntity message) {
        try {
            RawMimeHeaders.of(message.headers()).filter(field -> !field.isMimeField()).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail", e);
        }
        ascii(out, "MIME-Version: 1.0\r\n");
    }

    private static String boundaryNotIn(byte[] entity) {
        String text = new String(entity, StandardCharsets.ISO_8859_1);
        while (true) {
            byte[] random = new byte[12];
            RANDOM.nextBytes(random);
            String boundary = "----=_sealmail_" + HexFormat.of().formatHex(random);
            if (!text.contains(boundary)) {
                return boundary;
            }
        }
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}

package org.sealmail.crypto.smime.read;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.smime.decrypt.DecryptedEntity;
import org.sealmail.crypto.smime.decrypt.DecryptionResult;
import org.sealmail.crypto.smime.decrypt.SmimeDecryptor;
import org.sealmail.crypto.smime.mime.ContentType;
import org.sealmail.crypto.smime.mime.RawMimeEntity;
import org.sealmail.crypto.smime.mime.RawMimeHeaders;
import org.sealmail.crypto.smime.mime.RawMimeParser;
import org.sealmail.crypto.smime.verify.SenderAddresses;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an S/MIME message layer by layer (RFC 8551 §3.7): signed (multipart/signed, or
 * application/pkcs7-mime signed-data; the {@code x-pkcs7-*} names too) and encrypted
 * (EnvelopedData, AuthEnvelopedData) layers in any order and number, such as signed then
 * encrypted, encrypted then signed, or triple-wrapped (signed, encrypted, signed: RFC 2634
 * §1.1), until an entity that is no S/MIME layer is reached. Each signature is verified with the
 * given {@link SmimeVerifier}, against the From/Sender of the outermost message (inner entities
 * carry only Content-* fields); each encryption layer is decrypted with the given keys.
 *
 * <p>Only layers that an entity itself is are unwrapped: a signed or encrypted part inside a
 * multipart/mixed is content (see {@link SmimeVerifier#verify(byte[], Instant)} for signatures
 * that cover part of a message). At most {@link #MAX_LAYERS} layers are read.
 */
public final class SmimeMessageReader {

    /** The most layers read; a message with more is refused as malformed (a nesting bomb). */
    public static final int MAX_LAYERS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(SmimeMessageReader.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final List<CertifiedKey> keys;
    private final SmimeVerifier verifier;
    private final SmimeDecryptor decryptor = new SmimeDecryptor();

    /**
     * @param keys our keys with their certificates, for the encryption layers (may be empty
     *     when only signatures are expected: an encryption layer then fails with
     *     {@link CryptoFailure#NO_MATCHING_KEY})
     * @param verifier verifies the signature layers (its trust anchors, known certificates and policy)
     */
    public SmimeMessageReader(List<CertifiedKey> keys, SmimeVerifier verifier) {
        this.keys = List.copyOf(keys);
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * Reads a message held in memory.
     *
     * @param message the raw message as received (or a PEM or DER CMS file, which has no sender)
     * @param validationTime the instant (UTC) at which signers' certificates must be valid
     * @return the layers, outermost first, and the innermost entity (for a message without
     *     layers, the message itself, less an mbox "From " line)
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} for input that is not a
     *     message, a broken layer, or more than {@link #MAX_LAYERS} layers; the failures of
     *     {@link SmimeDecryptor#decrypt(InputStream, OutputStream, List)} for an encryption layer
     *     (for an inner layer, the message names the layer)
     */
    public SmimeReadResult read(byte[] message, Instant validationTime) {
        if (isCmsFile(message)) {
            List<MessageLayer> layers = new ArrayList<>();
            byte[] inner = decrypt(message, layers);
            return unwrap(inner, SenderAddresses.none(), validationTime, layers);
        }
        RawMimeEntity parsed = RawMimeParser.parseMessage(message); // an mbox "From " line is dropped here
        return unwrap(parsed.source(), SenderAddresses.of(parsed), validationTime, new ArrayList<>());
    }

    /**
     * Reads a message from a stream. When the outermost layer is an encryption layer (labelled
     * {@code smime-type=enveloped-data} or {@code authEnveloped-data}, or a PEM or DER CMS file)
     * it is decrypted as a stream, and an inner entity that is no further layer goes to
     * {@code content} as it is decrypted, without being held in memory: as with
     * {@link SmimeDecryptor}, what was written counts only once this method returns normally.
     * Any other message, and an inner entity that is another layer, is read into memory (a
     * signature is checked over bytes held whole).
     *
     * @param message the raw message as received; read to its end, not closed
     * @param content receives the innermost entity; not closed
     * @param validationTime the instant (UTC) at which signers' certificates must be valid
     * @return the layers, outermost first
     * @throws CryptoException as {@link #read(byte[], Instant)}; {@link CryptoFailure#IO} if
     *     reading or writing fails
     */
    public List<MessageLayer> read(InputStream message, OutputStream content, Instant validationTime) {
        BufferedInputStream in = new BufferedInputStream(message, BUFFER_BYTES);
        Optional<SenderAddresses> streamable = streamableEncryption(in);
        try {
            if (streamable.isEmpty()) {
                SmimeReadResult result = read(in.readAllBytes(), validationTime);
                content.write(result.content());
                content.flush();
                return result.layers();
            }
            DecryptedEntityRouter router = new DecryptedEntityRouter(content);
            DecryptionResult decryption = decryptor.decrypt(in, router, keys);
            router.finish();
            List<MessageLayer> layers = new ArrayList<>(List.of(new MessageLayer.Encrypted(decryption)));
            if (router.heldInner().isEmpty()) {
                return layers;
            }
            SmimeReadResult result = unwrap(router.heldInner().get(), streamable.get(), validationTime, layers);
            content.write(result.content());
            content.flush();
            return result.layers();
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read the message or write its content: " + e.getMessage(), e);
        }
    }

    private SmimeReadResult unwrap(byte[] entity, SenderAddresses senders, Instant at, List<MessageLayer> layers) {
        byte[] current = entity;
        while (true) {
            ContentType type = RawMimeParser.parseEntity(current).contentType();
            if (!isLayer(type)) {
                LOG.debug("read {} S/MIME layer(s); innermost entity is {}", layers.size(), type.mediaType());
                return new SmimeReadResult(layers, current);
            }
            if (layers.size() >= MAX_LAYERS) {
                throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "more than " + MAX_LAYERS
                        + " nested S/MIME layers: refused (no mail client nests that deep; a crafted message?)");
            }
            Optional<SignatureVerification> signature = verifyLayer(current, senders, at, layers.size());
            if (signature.isPresent()) {
                layers.add(new MessageLayer.Signed(signature.get()));
                current = signature.get().signedContent();
            } else {
                current = decrypt(current, layers);
            }
        }
    }

    private Optional<SignatureVerification> verifyLayer(byte[] entity, SenderAddresses senders, Instant at, int outer) {
        try {
            return verifier.verifyLayer(entity, senders, at);
        } catch (CryptoException e) {
            throw inLayer(e, outer);
        }
    }

    private byte[] decrypt(byte[] entity, List<MessageLayer> layers) {
        DecryptedEntity decrypted;
        try {
            decrypted = decryptor.decrypt(entity, keys);
        } catch (CryptoException e) {
            throw inLayer(e, layers.size());
        }
        layers.add(new MessageLayer.Encrypted(decrypted.result()));
        return decrypted.entity();
    }

    /** Names the layer in the message of a failure below the outermost one. */
    private static CryptoException inLayer(CryptoException e, int outer) {
        if (outer == 0) {
            return e;
        }
        return new CryptoException(e.failure(), "S/MIME layer " + (outer + 1) + " (inside " + outer + " outer layer"
                + (outer == 1 ? "" : "s") + "): " + e.getMessage(), e);
    }

    /** @return true for the types an S/MIME layer has (RFC 8551 §3.2, §3.5); certs-only and compressed-data are content */
    private static boolean isLayer(ContentType type) {
        if (type.is("multipart/signed")) {
            String protocol = type.parameter("protocol").orElse("").trim().toLowerCase(Locale.ROOT);
            return protocol.isEmpty() || protocol.equals("application/pkcs7-signature")
                    || protocol.equals("application/x-pkcs7-signature");
        }
        if (type.is("application/pkcs7-mime", "application/x-pkcs7-mime")) {
            String smimeType = type.parameter("smime-type").orElse("").trim().toLowerCase(Locale.ROOT);
            return !smimeType.equals("certs-only") && !smimeType.equals("compressed-data");
        }
        return false;
    }

    /**
     * Looks at the start of the input without consuming it.
     *
     * @return the outer message's sender when its outermost layer is labelled as encrypted (or
     *     it is a CMS file or empty, with no sender); empty when it must be read whole
     */
    private static Optional<SenderAddresses> streamableEncryption(BufferedInputStream in) {
        try {
            in.mark(RawMimeHeaders.MAX_HEADER_BYTES + 2);
            byte[] head = in.readNBytes(16);
            in.reset();
            if (head.length == 0 || isCmsFile(head)) {
                // empty input is the decryptor's to report, as for any input meant for decryption
                return Optional.of(SenderAddresses.none());
            }
            in.mark(RawMimeHeaders.MAX_HEADER_BYTES + 2);
            RawMimeHeaders headers;
            try {
                headers = RawMimeHeaders.read(in);
            } finally {
                in.reset();
            }
            ContentType type = headers.value("Content-Type").map(ContentType::parse).orElse(ContentType.DEFAULT);
            String smimeType = type.parameter("smime-type").orElse("").trim().toLowerCase(Locale.ROOT);
            if (!type.is("application/pkcs7-mime", "application/x-pkcs7-mime")
                    || !smimeType.equals("enveloped-data") && !smimeType.equals("authenveloped-data")) {
                return Optional.empty();
            }
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            headers.writeTo(block);
            return Optional.of(headers.isEmpty() ? SenderAddresses.none() : SenderAddresses.of(block.toByteArray()));
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read the message: " + e.getMessage(), e);
        }
    }

    /** @return true for a DER CMS file or a PEM one ({@code -----BEGIN}), which have no header fields */
    private static boolean isCmsFile(byte[] head) {
        if (head.length > 0 && (head[0] & 0xff) == 0x30) {
            return true;
        }
        String start = new String(head, 0, Math.min(head.length, 16), StandardCharsets.ISO_8859_1).stripLeading();
        return start.startsWith("-----BEGIN");
    }
}

package org.sealmail.crypto.smime.decrypt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.keys.CertifiedKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decrypts an S/MIME encrypted message (RFC 8551 §3.3): EnvelopedData (RFC 5652 §6) or
 * AuthEnvelopedData (RFC 5083), with any of our keys that a RecipientInfo names. Returns the
 * inner MIME entity as decrypted (nested signed or encrypted layers are left to the caller)
 * and reports the algorithms used.
 *
 * <p>Streaming: neither the ciphertext nor the plaintext is held in memory by
 * {@link #decrypt(InputStream, OutputStream, List)}. For AEAD content (AES-GCM,
 * ChaCha20-Poly1305) the authentication tag sits after the ciphertext, so plaintext reaches
 * {@code out} before the tag is checked: the output counts as authentic only once the method
 * returns normally, and a caller that gets an exception must discard what was written (the CLI
 * writes to a staging file and deletes it). EnvelopedData (CBC) has no integrity protection at
 * all: {@link DecryptionResult#integrityProtected()} is false and a tampered ciphertext may
 * decrypt to altered content without any error.
 */
public final class SmimeDecryptor {

    private static final Logger LOG = LoggerFactory.getLogger(SmimeDecryptor.class);

    /** Shortest AEAD tag accepted, in bytes (RFC 5084 §3.2 allows 12 to 16). */
    private static final int MINIMUM_TAG_BYTES = 12;

    /**
     * Decrypts into a byte array: the entity is returned only after the whole message decrypted
     * and (for AEAD content) its tag verified.
     *
     * @param message an S/MIME message, a PEM or a DER CMS file
     * @param keys our keys with their certificates (several key stores, old keys included)
     * @return the inner MIME entity and the report
     * @throws CryptoException see {@link #decrypt(InputStream, OutputStream, List)}
     */
    public DecryptedEntity decrypt(byte[] message, List<CertifiedKey> keys) {
        ByteArrayOutputStream entity = new ByteArrayOutputStream();
        DecryptionResult result = decrypt(new ByteArrayInputStream(message), entity, keys);
        return new DecryptedEntity(entity.toByteArray(), result);
    }

    /**
     * Decrypts a message to a stream.
     *
     * @param message an S/MIME message ({@code application/pkcs7-mime} or
     *     {@code application/x-pkcs7-mime}; CRLF or LF), a PEM or a DER/BER CMS file; read, not closed
     * @param out receives the inner MIME entity as it is decrypted; not closed. If this method
     *     throws, what was written is unauthenticated and must be discarded
     * @param keys our keys with their certificates, in order of preference
     * @return the report
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} for empty, truncated or non
     *     S/MIME input; {@link CryptoFailure#NO_MATCHING_KEY} if no RecipientInfo names one of our
     *     keys (the message lists the identifiers found); {@link CryptoFailure#UNSUPPORTED_ALGORITHM}
     *     for a refused content-encryption or key-management algorithm (names the OID);
     *     {@link CryptoFailure#AUTHENTICATION_FAILED} if the key cannot be unwrapped, an AEAD tag
     *     does not verify or CBC padding is wrong; {@link CryptoFailure#IO} if {@code out} fails
     */
    public DecryptionResult decrypt(InputStream message, OutputStream out, List<CertifiedKey> keys) {
        Objects.requireNonNull(out, "out");
        if (keys.isEmpty()) {
            throw new CryptoException(CryptoFailure.NO_MATCHING_KEY, "no decryption key given");
        }
        CmsInput.Opened opened = CmsInput.open(message);
        String contentType = CmsContentType.peek(opened.cms());
        boolean authEnveloped;
        Collection<RecipientInformation> recipients;
        AlgorithmIdentifier contentAlgorithm;
        try {
            if (DecryptionAlgorithms.AUTH_ENVELOPED_DATA.equals(contentType)) {
                authEnveloped = true;
                CMSAuthEnvelopedDataParser parser = new CMSAuthEnvelopedDataParser(opened.cms());
                recipients = parser.getRecipientInfos().getRecipients();
                contentAlgorithm = parser.getEncryptionAlgOID();
            } else if (DecryptionAlgorithms.ENVELOPED_DATA.equals(contentType)) {
                authEnveloped = false;
                CMSEnvelopedDataParser parser = new CMSEnvelopedDataParser(opened.cms());
                recipients = parser.getRecipientInfos().getRecipients();
                contentAlgorithm = parser.getContentEncryptionAlgorithm();
            } else if (DecryptionAlgorithms.SIGNED_AND_ENVELOPED_DATA.equals(contentType)) {
                throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "unsupported content type "
                        + CmsContentType.name(contentType) + ": PKCS #7 SignedAndEnvelopedData is not part of CMS (RFC 5652)"
                        + " or S/MIME; Sealmail does not decrypt it");
            } else {
                throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "not an encrypted message: the CMS content type is "
                        + CmsContentType.name(contentType) + ", expected EnvelopedData or AuthEnvelopedData");
            }
        } catch (CMSException | IOException | RuntimeException e) {
            if (e instanceof CryptoException crypto) {
                throw crypto;
            }
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "truncated or malformed "
                    + CmsContentType.name(contentType) + " (" + opened.description() + "): " + reason(e), e);
        }
        String kind = authEnveloped ? "AuthEnvelopedData" : "EnvelopedData";
        List<RecipientInfoMatcher.Candidate> candidates = RecipientInfoMatcher.match(recipients, keys);
        if (candidates.isEmpty()) {
            throw noMatchingKey(kind, recipients, keys);
        }
        ContentEncryptionAlgorithm contentEncryption = DecryptionAlgorithms.contentEncryption(contentAlgorithm, authEnveloped);

        CryptoException unwrapFailure = null;
        for (RecipientInfoMatcher.Candidate candidate : candidates) {
            KeyManagementAlgorithm keyManagement =
                    DecryptionAlgorithms.keyManagement(candidate.recipient().getKeyEncryptionAlgorithm(),
                            candidate.key().privateKey());
            String identifier = RecipientInfoMatcher.identifier(candidate.recipient().getRID());
            CMSTypedStream content;
            try {
                content = candidate.recipient().getContentStream(recipientFor(candidate, authEnveloped));
            } catch (CryptoException e) {
                throw e;
            } catch (CMSException | IOException | RuntimeException e) {
                LOG.debug("cannot unwrap with key {} for {}", candidate.key().alias(), identifier, e);
                unwrapFailure = new CryptoException(CryptoFailure.AUTHENTICATION_FAILED,
                        "cannot recover the content-encryption key with key \"" + candidate.key().alias() + "\" for "
                                + identifier + " (" + keyManagement.name() + "): " + reason(e)
                                + "; the encrypted key is damaged or was not made for this key", e);
                continue;
            }
            long length = copy(content.getContentStream(), out, contentEncryption);
            LOG.debug("decrypted {} bytes of {} with {}", length, kind, contentEncryption.name());
            return new DecryptionResult(kind, contentEncryption, keyManagement, identifier, candidate.key().alias(),
                    candidate.key().certificate(), length);
        }
        throw unwrapFailure;
    }

    private static Recipient recipientFor(RecipientInfoMatcher.Candidate candidate, boolean authEnveloped) {
        PrivateKey key = candidate.key().privateKey();
        if (candidate.recipient() instanceof KeyAgreeRecipientInformation) {
            JceKeyAgreeRecipient recipient = authEnveloped ? new JceKeyAgreeAuthEnvelopedRecipient(key)
                    : new JceKeyAgreeEnvelopedRecipient(key);
            recipient.setProvider(CryptoProvider.get()).setMinimumTagSize(MINIMUM_TAG_BYTES);
            return recipient;
        }
        JceKeyTransRecipient recipient = authEnveloped ? new JceKeyTransAuthEnvelopedRecipient(key)
                : new JceKeyTransEnvelopedRecipient(key);
        recipient.setProvider(CryptoProvider.get()).setMinimumTagSize(MINIMUM_TAG_BYTES);
        return recipient;
    }

    private static long copy(InputStream plaintext, OutputStream out, ContentEncryptionAlgorithm algorithm) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = plaintext) {
            int read;
            while (true) {
                try {
                    read = in.read(buffer);
                } catch (CryptoException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    throw decryptionFailure(e, algorithm);
                }
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                total += read;
            }
            out.flush();
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot write the decrypted content: " + e.getMessage(), e);
        }
        return total;
    }

    private static CryptoException decryptionFailure(Exception e, ContentEncryptionAlgorithm algorithm) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof javax.crypto.AEADBadTagException || cause instanceof InvalidCipherTextException
                    && algorithm.authenticated()
                    || algorithm.authenticated() && String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("mac check")) {
                return new CryptoException(CryptoFailure.AUTHENTICATION_FAILED, "the " + algorithm.name()
                        + " authentication tag does not verify: the message was altered or damaged; any output is invalid", e);
            }
            if (cause instanceof javax.crypto.BadPaddingException || cause instanceof InvalidCipherTextException
                    || String.valueOf(cause.getMessage()).contains("pad block corrupted")) {
                return new CryptoException(CryptoFailure.AUTHENTICATION_FAILED, "bad " + algorithm.name()
                        + " padding: the content is damaged or was altered (EnvelopedData has no integrity protection);"
                        + " any output is invalid", e);
            }
            if (cause instanceof EOFException) {
                return new CryptoException(CryptoFailure.MALFORMED_INPUT, "the encrypted content ends early (the"
                        + " message is truncated); any output is invalid", e);
            }
            if (String.valueOf(cause.getMessage()).contains("EOF") || cause instanceof IllegalArgumentException) {
                break;
            }
        }
        return new CryptoException(CryptoFailure.MALFORMED_INPUT, "the encrypted content is truncated or corrupt: "
                + reason(e) + "; any output is invalid", e);
    }

    private static CryptoException noMatchingKey(String kind, Collection<RecipientInformation> recipients,
            List<CertifiedKey> keys) {
        String found = recipients.stream().map(RecipientInfoMatcher::describe).collect(Collectors.joining("; "));
        List<String> ours = new ArrayList<>();
        for (CertifiedKey key : keys) {
            ours.add("\"" + key.alias() + "\" (issuer \"" + key.certificate().getIssuerX500Principal().getName()
                    + "\", serial 0x" + key.certificate().getSerialNumber().toString(16) + ")");
        }
        return new CryptoException(CryptoFailure.NO_MATCHING_KEY, "none of our keys can decrypt this " + kind
                + ": it is encrypted for " + (recipients.isEmpty() ? "no recipient" : found)
                + "; our keys: " + String.join(", ", ours));
    }

    /** @return the most specific message in the cause chain */
    static String reason(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !(cause instanceof GeneralSecurityException && message != null
                    && message.contains(cause.getMessage()))) {
                message = cause.getMessage();
            }
        }
        return message != null ? message : e.getClass().getSimpleName();
    }
}

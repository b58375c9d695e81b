package org.sealmail.crypto.smime.decrypt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * Reads the content type OID at the start of a CMS ContentInfo (RFC 5652 §3:
 * {@code SEQUENCE { contentType OBJECT IDENTIFIER, content [0] EXPLICIT ANY }}) without
 * consuming the stream, so that the matching streaming parser can be chosen.
 */
final class CmsContentType {

    private static final int PEEK_BYTES = 64;

    private static final Map<String, String> NAMES = Map.of(
            DecryptionAlgorithms.ENVELOPED_DATA, "EnvelopedData",
            DecryptionAlgorithms.AUTH_ENVELOPED_DATA, "AuthEnvelopedData",
            DecryptionAlgorithms.SIGNED_DATA, "SignedData (a signed, not an encrypted message)",
            "1.2.840.113549.1.7.1", "Data",
            DecryptionAlgorithms.SIGNED_AND_ENVELOPED_DATA, "SignedAndEnvelopedData",
            "1.2.840.113549.1.7.5", "DigestedData",
            "1.2.840.113549.1.7.6", "EncryptedData",
            "1.2.840.113549.1.9.16.1.9", "CompressedData",
            "1.2.840.113549.1.9.16.1.2", "AuthenticatedData");

    private CmsContentType() {
    }

    /**
     * @param cms a buffered stream at the start of a ContentInfo (it is reset afterwards)
     * @return the content type OID, dotted
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if the bytes do not start a ContentInfo
     */
    static String peek(InputStream cms) {
        if (!(cms instanceof BufferedInputStream buffered)) {
            throw new IllegalArgumentException("needs a BufferedInputStream");
        }
        byte[] head;
        try {
            buffered.mark(PEEK_BYTES);
            head = buffered.readNBytes(PEEK_BYTES);
            buffered.reset();
        } catch (IOException | IllegalArgumentException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "cannot decode the CMS data: " + SmimeDecryptor.reason(e), e);
        }
        if (head.length == 0) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "the message body is empty: no CMS data");
        }
        if ((head[0] & 0xff) != 0x30 || head.length < 2) {
            throw notCms();
        }
        int position = 1;
        int first = head[position++] & 0xff;
        if (first > 0x80) {
            position += first - 0x80; // long definite length
        } else if (first == 0x80) {
            // indefinite length (BER)
        }
        if (position + 2 > head.length || head[position] != 0x06) {
            throw notCms();
        }
        int length = head[position + 1] & 0xff;
        if (length > 0x7f || position + 2 + length > head.length) {
            throw notCms();
        }
        byte[] encoded = new byte[2 + length];
        System.arraycopy(head, position, encoded, 0, encoded.length);
        try {
            return ASN1ObjectIdentifier.getInstance(ASN1Primitive.fromByteArray(encoded)).getId();
        } catch (IOException | IllegalArgumentException e) {
            throw notCms();
        }
    }

    /** @return a readable name of a CMS content type OID */
    static String name(String oid) {
        String name = NAMES.get(oid);
        return name != null ? name + " (" + oid + ")" : "unknown content type " + oid;
    }

    private static CryptoException notCms() {
        return new CryptoException(CryptoFailure.MALFORMED_INPUT, "the data is not a CMS ContentInfo (RFC 5652 §3)");
    }
}

package org.sealmail.crypto.smime.verify;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cms.SignerInformation;
import org.sealmail.crypto.CryptoProvider;

/**
 * Checks a SignerInfo's message digest and signature value directly with the JCA, over the
 * signed attributes exactly as they were received (RFC 5652 §5.4 signs their DER encoding;
 * some signers sent them in a non-DER order and signed that). Used only when Bouncy Castle's
 * check, which re-encodes them as DER, fails or rejects the attributes.
 */
final class ReceivedEncodingCheck {

    /** Digest names of {@link SignedDataVerifier} to the JCA names of their signature algorithms. */
    private static final Map<String, String> JCA_DIGESTS = Map.of(
            "SHA-1", "SHA1", "SHA-224", "SHA224", "SHA-256", "SHA256", "SHA-384", "SHA384", "SHA-512", "SHA512",
            "SHA3-256", "SHA3-256", "SHA3-384", "SHA3-384", "SHA3-512", "SHA3-512");

    private ReceivedEncodingCheck() {
    }

    /**
     * @return true/false when the signature over the received signed attributes could be
     *     evaluated; empty when there are no signed attributes, they are already DER, or the
     *     algorithm is not covered (PSS, Ed448, SHAKE...)
     */
    static Optional<Boolean> signatureOverReceivedAttributes(SignerInformation signer, PublicKey key, String digest,
            String signatureKind) {
        ASN1Set attributes = signer.toASN1Structure().getAuthenticatedAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        try {
            byte[] received = attributes.getEncoded(ASN1Encoding.DL);
            if (Arrays.equals(received, attributes.getEncoded(ASN1Encoding.DER))) {
                return Optional.empty();
            }
            return verify(received, signer.getSignature(), key, digest, signatureKind);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Explains a rejected SignerInfo: does the content's digest match the messageDigest
     * attribute, and does the signature value verify over the received signed attributes?
     *
     * @return a parenthesised remark starting with a space, or "" when nothing can be said
     */
    static String diagnose(SignerInformation signer, byte[] content, PublicKey key, String digest, String signatureKind) {
        try {
            ASN1Set attributes = signer.toASN1Structure().getAuthenticatedAttributes();
            String jcaDigest = JCA_DIGESTS.get(digest);
            if (attributes == null || content == null || jcaDigest == null) {
                return "";
            }
            Attribute messageDigest = signer.getSignedAttributes() == null ? null
                    : signer.getSignedAttributes().get(CMSAttributes.messageDigest);
            Optional<Boolean> signatureOk = verify(attributes.getEncoded(ASN1Encoding.DL), signer.getSignature(), key,
                    digest, signatureKind);
            if (messageDigest == null || messageDigest.getAttrValues().size() != 1 || signatureOk.isEmpty()) {
                return "";
            }
            byte[] expected = ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets();
            byte[] actual = MessageDigest.getInstance(digest, CryptoProvider.get()).digest(content);
            boolean digestOk = MessageDigest.isEqual(expected, actual);
            if (digestOk && signatureOk.get()) {
                return " (the message digest and the signature value themselves are correct)";
            }
            return " (besides, the " + (digestOk ? "signature value" : "message digest") + " does not match)";
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return "";
        }
    }

    private static Optional<Boolean> verify(byte[] signedBytes, byte[] signatureValue, PublicKey key, String digest,
            String signatureKind) {
        String jcaDigest = JCA_DIGESTS.get(digest);
        String algorithm = switch (signatureKind) {
            case "RSASSA-PKCS1-v1_5" -> jcaDigest == null ? null : jcaDigest + "withRSA";
            case "ECDSA" -> jcaDigest == null ? null : jcaDigest + "withECDSA";
            case "DSA" -> jcaDigest == null ? null : jcaDigest + "withDSA";
            case "Ed25519" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return Optional.empty();
        }
        try {
            Signature verifier = Signature.getInstance(algorithm, CryptoProvider.get());
            verifier.initVerify(key);
            verifier.update(signedBytes);
            return Optional.of(verifier.verify(signatureValue));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(false);
        }
    }
}

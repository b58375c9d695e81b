package org.sealmail.crypto.smime.decrypt;

import java.security.PrivateKey;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * The algorithms Sealmail decrypts, and their names (the policy of RFC 8551 §2.7 and
 * Appendix B):
 * <ul>
 *   <li>content encryption: AES-128/192/256-GCM and ChaCha20-Poly1305 in AuthEnvelopedData
 *       (RFC 5084, RFC 8103); AES-128/192/256-CBC in EnvelopedData (RFC 3565); 3DES-CBC in
 *       EnvelopedData for old mail, reported as legacy. Refused: RC2, DES and anything else;
 *       an AEAD algorithm in EnvelopedData (no tag to check) and CBC in AuthEnvelopedData;</li>
 *   <li>key management: RSA PKCS#1 v1.5 and RSAES-OAEP (any hash) key transport; ECDH
 *       ephemeral-static (standard and cofactor, X9.63 KDF with SHA-1 to SHA-512); ECDH with
 *       HKDF-SHA-256/384/512 (RFC 8418, X25519/X448).</li>
 * </ul>
 */
final class DecryptionAlgorithms {

    static final String ENVELOPED_DATA = "1.2.840.113549.1.7.3";
    static final String AUTH_ENVELOPED_DATA = "1.2.840.113549.1.9.16.1.23";
    static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    static final String SIGNED_AND_ENVELOPED_DATA = "1.2.840.113549.1.7.4";

    private static final Map<String, ContentEncryptionAlgorithm> CONTENT = Map.ofEntries(
            content("AES-128-CBC", "2.16.840.1.101.3.4.1.2", 128, false, false),
            content("AES-192-CBC", "2.16.840.1.101.3.4.1.22", 192, false, false),
            content("AES-256-CBC", "2.16.840.1.101.3.4.1.42", 256, false, false),
            content("AES-128-GCM", "2.16.840.1.101.3.4.1.6", 128, true, false),
            content("AES-192-GCM", "2.16.840.1.101.3.4.1.26", 192, true, false),
            content("AES-256-GCM", "2.16.840.1.101.3.4.1.46", 256, true, false),
            content("ChaCha20-Poly1305", "1.2.840.113549.1.9.16.3.18", 256, true, false),
            content("3DES-CBC", "1.2.840.113549.3.7", 168, false, true));

    private static final Map<String, String> REFUSED_CONTENT = Map.of(
            "1.2.840.113549.3.2", "RC2-CBC (RFC 8551 Appendix B: broken, no longer decrypted)",
            "1.3.14.3.2.7", "DES-CBC (56-bit key, broken)",
            "2.16.840.1.101.3.4.1.7", "AES-128-CCM (not supported by Sealmail)",
            "2.16.840.1.101.3.4.1.27", "AES-192-CCM (not supported by Sealmail)",
            "2.16.840.1.101.3.4.1.47", "AES-256-CCM (not supported by Sealmail)");

    private static final Map<String, String> KEY_AGREEMENT = Map.ofEntries(
            Map.entry("1.3.133.16.840.63.0.2", "ECDH ephemeral-static, X9.63 KDF SHA-1"),
            Map.entry("1.3.132.1.11.0", "ECDH ephemeral-static, X9.63 KDF SHA-224"),
            Map.entry("1.3.132.1.11.1", "ECDH ephemeral-static, X9.63 KDF SHA-256"),
            Map.entry("1.3.132.1.11.2", "ECDH ephemeral-static, X9.63 KDF SHA-384"),
            Map.entry("1.3.132.1.11.3", "ECDH ephemeral-static, X9.63 KDF SHA-512"),
            Map.entry("1.3.133.16.840.63.0.3", "ECDH cofactor ephemeral-static, X9.63 KDF SHA-1"),
            Map.entry("1.3.132.1.14.0", "ECDH cofactor ephemeral-static, X9.63 KDF SHA-224"),
            Map.entry("1.3.132.1.14.1", "ECDH cofactor ephemeral-static, X9.63 KDF SHA-256"),
            Map.entry("1.3.132.1.14.2", "ECDH cofactor ephemeral-static, X9.63 KDF SHA-384"),
            Map.entry("1.3.132.1.14.3", "ECDH cofactor ephemeral-static, X9.63 KDF SHA-512"),
            Map.entry("1.2.840.113549.1.9.16.3.19", "ECDH ephemeral-static, HKDF-SHA-256 (RFC 8418)"),
            Map.entry("1.2.840.113549.1.9.16.3.20", "ECDH ephemeral-static, HKDF-SHA-384 (RFC 8418)"),
            Map.entry("1.2.840.113549.1.9.16.3.21", "ECDH ephemeral-static, HKDF-SHA-512 (RFC 8418)"));

    private static final Set<String> HKDF_AGREEMENTS = Set.of(
            "1.2.840.113549.1.9.16.3.19", "1.2.840.113549.1.9.16.3.20", "1.2.840.113549.1.9.16.3.21");

    private static final Map<String, String> KEY_WRAP = Map.of(
            "2.16.840.1.101.3.4.1.5", "AES-128 key wrap",
            "2.16.840.1.101.3.4.1.25", "AES-192 key wrap",
            "2.16.840.1.101.3.4.1.45", "AES-256 key wrap",
            "1.2.840.113549.1.9.16.3.6", "3DES key wrap");

    private static final Map<String, String> DIGESTS = Map.of(
            "1.3.14.3.2.26", "SHA-1",
            "2.16.840.1.101.3.4.2.4", "SHA-224",
            "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512");

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final String RSAES_OAEP = "1.2.840.113549.1.1.7";

    private DecryptionAlgorithms() {
    }

    private static Map.Entry<String, ContentEncryptionAlgorithm> content(String name, String oid, int bits,
            boolean authenticated, boolean legacy) {
        return Map.entry(oid, new ContentEncryptionAlgorithm(name, oid, bits, authenticated, legacy));
    }

    /**
     * @param algorithm the content-encryption algorithm of the message
     * @param authEnveloped true for AuthEnvelopedData, false for EnvelopedData
     * @return its description
     * @throws CryptoException {@link CryptoFailure#UNSUPPORTED_ALGORITHM}, naming the OID, if refused
     */
    static ContentEncryptionAlgorithm contentEncryption(AlgorithmIdentifier algorithm, boolean authEnveloped) {
        String oid = algorithm.getAlgorithm().getId();
        ContentEncryptionAlgorithm known = CONTENT.get(oid);
        if (known == null) {
            String refused = REFUSED_CONTENT.get(oid);
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "unsupported content-encryption algorithm "
                    + oid + (refused != null ? " " + refused : " (unknown OID)"));
        }
        if (known.authenticated() != authEnveloped) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, known.name() + " (" + oid + ") in "
                    + (authEnveloped ? "AuthEnvelopedData: it needs an AEAD algorithm (RFC 5083 §2.1)"
                            : "EnvelopedData: an AEAD algorithm belongs in AuthEnvelopedData (RFC 5084 §1)"));
        }
        return known;
    }

    /**
     * @param algorithm the RecipientInfo's key encryption or key agreement algorithm
     * @param key the private key it would be used with
     * @return its description
     * @throws CryptoException {@link CryptoFailure#UNSUPPORTED_ALGORITHM}, naming the OID, if refused
     *     (including X25519/X448 keys with the X9.63 KDF, which only HKDF supports here)
     */
    static KeyManagementAlgorithm keyManagement(AlgorithmIdentifier algorithm, PrivateKey key) {
        String oid = algorithm.getAlgorithm().getId();
        String keyAlgorithm = key.getAlgorithm();
        boolean montgomery = keyAlgorithm.equals("XDH") || keyAlgorithm.equals("X25519") || keyAlgorithm.equals("X448");
        if (montgomery && !HKDF_AGREEMENTS.contains(oid)) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "unsupported key agreement " + oid + " ("
                    + KEY_AGREEMENT.getOrDefault(oid, "unknown") + ") with an X25519/X448 key: only HKDF"
                    + " (RFC 8418) is supported for those keys");
        }
        if (RSA_ENCRYPTION.equals(oid)) {
            return new KeyManagementAlgorithm("RSA PKCS#1 v1.5", oid);
        }
        if (RSAES_OAEP.equals(oid)) {
            return new KeyManagementAlgorithm(describeOaep(algorithm), oid);
        }
        String agreement = KEY_AGREEMENT.get(oid);
        if (agreement != null) {
            String wrap = "unknown key wrap";
            if (algorithm.getParameters() != null) {
                try {
                    String wrapOid = AlgorithmIdentifier.getInstance(algorithm.getParameters()).getAlgorithm().getId();
                    wrap = KEY_WRAP.get(wrapOid);
                    if (wrap == null) {
                        throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM,
                                "unsupported key wrap algorithm " + wrapOid + " in key agreement " + oid);
                    }
                } catch (IllegalArgumentException e) {
                    throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "malformed key wrap parameters of " + oid, e);
                }
            }
            return new KeyManagementAlgorithm(agreement + ", " + wrap, oid);
        }
        throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM,
                "unsupported key management algorithm " + oid + " in the RecipientInfo for our key");
    }

    private static String describeOaep(AlgorithmIdentifier algorithm) {
        RSAESOAEPparams params;
        try {
            params = RSAESOAEPparams.getInstance(algorithm.getParameters());
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "malformed RSAES-OAEP parameters", e);
        }
        if (params == null) {
            return "RSAES-OAEP (SHA-1, MGF1-SHA-1)";
        }
        String hash = digestName(params.getHashAlgorithm());
        String mgfHash = params.getMaskGenAlgorithm().getParameters() == null ? "SHA-1"
                : digestName(AlgorithmIdentifier.getInstance(params.getMaskGenAlgorithm().getParameters()));
        boolean label = params.getPSourceAlgorithm() != null
                && !RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM.equals(params.getPSourceAlgorithm());
        return "RSAES-OAEP (" + hash + ", MGF1-" + mgfHash + (label ? ", with label" : "") + ")";
    }

    private static String digestName(AlgorithmIdentifier digest) {
        return DIGESTS.getOrDefault(digest.getAlgorithm().getId(), digest.getAlgorithm().getId());
    }
}

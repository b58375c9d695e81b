package org.sealmail.crypto.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/** Key types Sealmail generates for S/MIME certificates. */
public enum KeyAlgorithm {
    /** RSA with a 2048-bit modulus. */
    RSA_2048("RSA", 2048, null, "SHA256withRSA"),
    /** RSA with a 3072-bit modulus. */
    RSA_3072("RSA", 3072, null, "SHA256withRSA"),
    /** ECDSA/ECDH on NIST P-256 (secp256r1). */
    EC_P256("EC", 256, "secp256r1", "SHA256withECDSA"),
    /** ECDSA/ECDH on NIST P-384 (secp384r1). */
    EC_P384("EC", 384, "secp384r1", "SHA384withECDSA");

    private final String jcaName;
    private final int bits;
    private final String curve;
    private final String certificateSignatureAlgorithm;

    KeyAlgorithm(String jcaName, int bits, String curve, String certificateSignatureAlgorithm) {
        this.jcaName = jcaName;
        this.bits = bits;
        this.curve = curve;
        this.certificateSignatureAlgorithm = certificateSignatureAlgorithm;
    }

    /** @return true for elliptic-curve keys */
    public boolean isEc() {
        return curve != null;
    }

    /** @return the JCA signature algorithm used when a key of this type signs a certificate */
    public String certificateSignatureAlgorithm() {
        return certificateSignatureAlgorithm;
    }

    /**
     * Generates a fresh key pair.
     *
     * @return a new key pair of this type
     * @throws CryptoException if the JCA provider cannot generate it
     */
    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve), new SecureRandom());
            } else {
                generator.initialize(bits, new SecureRandom());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot generate a " + this + " key", e);
        }
    }
}

package org.sealmail.crypto.smime.encrypt;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.CryptoProvider;

/**
 * Builds the RecipientInfo generator for one recipient certificate, identified by issuer and
 * serial number (RFC 5652 §6.2):
 * <ul>
 *   <li>RSA: KeyTransRecipientInfo with RSAES-OAEP SHA-256 (RFC 8551 §2.3, RFC 4055) or
 *       PKCS#1 v1.5;</li>
 *   <li>EC: KeyAgreeRecipientInfo, ECDH ephemeral-static with a fresh ephemeral key on the
 *       recipient's curve, the X9.63 KDF with SHA-256 (P-256), SHA-384 (P-384) or SHA-512
 *       (P-521), and AES-256 key wrap (RFC 5753 §3.1, RFC 8551 §2.3).</li>
 * </ul>
 */
final class RecipientInfoGenerators {

    private RecipientInfoGenerators() {
    }

    /** A generator and the readable name of its key-management algorithm. */
    record Generated(RecipientInfoGenerator generator, String keyManagement) {
    }

    /**
     * @param certificate a certificate accepted by {@link RecipientCertificateCheck}
     * @param keyTransport key transport for RSA keys
     * @return the generator
     * @throws CryptoException {@link CryptoFailure#CERTIFICATE} if the key cannot be used
     */
    static Generated forCertificate(X509Certificate certificate, KeyTransport keyTransport) {
        try {
            if (RecipientCertificateCheck.isEc(certificate.getPublicKey())) {
                return keyAgreement(certificate);
            }
            if (keyTransport == KeyTransport.RSA_PKCS1_V1_5) {
                return new Generated(new JceKeyTransRecipientInfoGenerator(certificate).setProvider(CryptoProvider.get()),
                        keyTransport.displayName());
            }
            AlgorithmIdentifier oaep = new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                    PKCSObjectIdentifiers.id_RSAES_OAEP,
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            return new Generated(new JceKeyTransRecipientInfoGenerator(certificate, oaep).setProvider(CryptoProvider.get()),
                    keyTransport.displayName());
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoFailure.CERTIFICATE,
                    "cannot encrypt to " + certificate.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    private static Generated keyAgreement(X509Certificate certificate) throws GeneralSecurityException {
        RecipientCertificateCheck.Curve curve = RecipientCertificateCheck.Curve.of(certificate.getPublicKey())
                .orElseThrow(() -> new CryptoException(CryptoFailure.CERTIFICATE,
                        "unsupported EC curve in " + certificate.getSubjectX500Principal()));
        ASN1ObjectIdentifier agreement;
        String kdf;
        switch (curve) {
            case P256 -> {
                agreement = CMSAlgorithm.ECDH_SHA256KDF;
                kdf = "SHA-256";
            }
            case P384 -> {
                agreement = CMSAlgorithm.ECDH_SHA384KDF;
                kdf = "SHA-384";
            }
            default -> {
                agreement = CMSAlgorithm.ECDH_SHA512KDF;
                kdf = "SHA-512";
            }
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProvider.get());
        generator.initialize(((ECPublicKey) certificate.getPublicKey()).getParams());
        KeyPair ephemeral = generator.generateKeyPair();
        JceKeyAgreeRecipientInfoGenerator kari = new JceKeyAgreeRecipientInfoGenerator(agreement,
                ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP);
        kari.addRecipient(certificate);
        kari.setProvider(CryptoProvider.get());
        return new Generated(kari, "ECDH " + curve.displayName + " ephemeral-static, X9.63 KDF " + kdf
                + ", AES-256 key wrap");
    }
}

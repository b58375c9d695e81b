package org.sealmail.crypto.smime.sign;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.smime.SMIMEEncryptionKeyPreferenceAttribute;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.smime.SmimeCapabilities;

/**
 * Builds a CMS SignedData (RFC 5652 §5) for one signer, as S/MIME wants it (RFC 8551 §2.5):
 * signed attributes contentType, signingTime, messageDigest, CMSAlgorithmProtection
 * (RFC 6211), SMIMECapabilities and SMIMEEncryptionKeyPreference (plus Microsoft's
 * equivalent 1.3.6.1.4.1.311.16.4, which Outlook reads), the signer identified by issuer and
 * serial number, and the signer's certificate chain in {@code certificates}.
 */
final class SignedDataBuilder {

    /** Microsoft's encryption key preference attribute (an IssuerAndSerialNumber), read by Outlook. */
    private static final ASN1ObjectIdentifier MS_ENCRYPTION_KEY_PREFERENCE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.16.4");

    private SignedDataBuilder() {
    }

    /**
     * @param content the bytes to sign (the canonical MIME entity)
     * @param key the signer's key and chain
     * @param digest the message digest
     * @param scheme the RSA scheme (ignored for EC keys)
     * @param capabilities the SMIMECapabilities to advertise
     * @param signingTime the signingTime attribute value (UTC)
     * @param encapsulate true for opaque signed-data (content inside), false for detached
     * @return the DER encoding of the ContentInfo holding the SignedData
     * @throws CryptoException {@link CryptoFailure#UNSUPPORTED_ALGORITHM} for a key type that
     *     cannot sign S/MIME here; {@link CryptoFailure#KEY_STORE} if the key refuses to sign
     */
    static byte[] build(byte[] content, CertifiedKey key, DigestAlgorithm digest, RsaSignatureScheme scheme,
            SmimeCapabilities capabilities, Instant signingTime, boolean encapsulate) {
        X509Certificate certificate = key.certificate();
        try {
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(key.privateKey(), digest, scheme))
                    .setProvider(CryptoProvider.get()).build(key.privateKey());
            IssuerAndSerialNumber self = new IssuerAndSerialNumber(
                    X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()), certificate.getSerialNumber());
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            attributes.add(capabilities.toAttribute());
            attributes.add(new SMIMEEncryptionKeyPreferenceAttribute(self));
            attributes.add(new Attribute(MS_ENCRYPTION_KEY_PREFERENCE, new DERSet(self)));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProvider.get()).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(signer, certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), encapsulate);
            return signed.toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException e) {
            throw new CryptoException(CryptoFailure.KEY_STORE,
                    "the key of " + key.alias() + " cannot sign with " + digest.displayName() + ": " + e.getMessage(), e);
        } catch (CertificateEncodingException | CMSException | IOException e) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "cannot build SignedData: " + e.getMessage(), e);
        }
    }

    /**
     * @return the digest matching the key when none is chosen: SHA-384 for P-384 and SHA-512
     *     for P-521 (RFC 5753 §7.1.4 pairing), SHA-256 for everything else
     */
    static DigestAlgorithm defaultDigest(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits > 384) {
                return DigestAlgorithm.SHA512;
            }
            if (bits > 256) {
                return DigestAlgorithm.SHA384;
            }
        }
        return DigestAlgorithm.SHA256;
    }

    private static String signatureAlgorithm(PrivateKey key, DigestAlgorithm digest, RsaSignatureScheme scheme) {
        String algorithm = key.getAlgorithm();
        if ("RSA".equalsIgnoreCase(algorithm)) {
            return digest.jcaPrefix() + (scheme == RsaSignatureScheme.PSS ? "withRSAandMGF1" : "withRSA");
        }
        if ("EC".equalsIgnoreCase(algorithm) || "ECDSA".equalsIgnoreCase(algorithm)) {
            return digest.jcaPrefix() + "withECDSA";
        }
        throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM,
                "cannot sign S/MIME with a " + algorithm + " key; Sealmail signs with RSA or ECDSA keys");
    }
}

package org.sealmail.crypto.rights.message;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.SimpleAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.CryptoProvider;

/**
 * Encrypts the signed inner content as CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM
 * (RFC 5084), a fresh 256-bit content-encryption key, and one RecipientInfo per key holder:
 * KeyTransRecipientInfo with RSAES-OAEP (SHA-256, MGF1-SHA-256; RFC 8017, RFC 4055) for RSA
 * certificates, KeyAgreeRecipientInfo with dhSinglePass-stdDH-sha256kdf-scheme and AES-256 key
 * wrap (RFC 5753) and a fresh ephemeral key per EC certificate. The content id is an
 * authenticated attribute, so the GCM tag covers it.
 */
final class AuthEnvelopedDataEncryptor {

    private AuthEnvelopedDataEncryptor() {
    }

    /**
     * @param content the bytes to encrypt (the DER SignedData ContentInfo)
     * @param contentId the content id, written as authenticated attribute
     * @param keyHolders the certificates to wrap the content-encryption key to (the DER SET OF RecipientInfos is
     *     written sorted by encoding, not in this order)
     * @return the DER encoding of the ContentInfo (id-ct-authEnvelopedData) and the content-encryption key drawn
     * @throws CryptoException {@link CryptoFailure#UNSUPPORTED_ALGORITHM} for a certificate key that is neither RSA nor EC
     */
    static Encrypted encrypt(byte[] content, String contentId, List<X509Certificate> keyHolders) {
        try {
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            for (X509Certificate holder : keyHolders) {
                PublicKey key = holder.getPublicKey();
                if (key instanceof ECPublicKey ec) {
                    KeyPairGenerator ephemeral = KeyPairGenerator.getInstance("EC", CryptoProvider.get());
                    ephemeral.initialize(ec.getParams());
                    KeyPair pair = ephemeral.generateKeyPair();
                    generator.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                            pair.getPrivate(), pair.getPublic(), CMSAlgorithm.AES256_WRAP)
                            .addRecipient(holder).setProvider(CryptoProvider.get()));
                } else if ("RSA".equals(key.getAlgorithm())) {
                    generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(holder,
                            new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
                                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                                            PSource.PSpecified.DEFAULT))).setProvider(CryptoProvider.get()));
                } else {
                    throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot encrypt to a "
                            + key.getAlgorithm() + " key (" + holder.getSubjectX500Principal().getName() + ")");
                }
            }
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(new ASN1ObjectIdentifier(ProtectedMessageFormat.CONTENT_ID_ATTRIBUTE),
                    new DERSet(new DERUTF8String(contentId))));
            generator.setAuthenticatedAttributeGenerator(new SimpleAttributeTableGenerator(new AttributeTable(attributes)));
            OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                    .setProvider(CryptoProvider.get()).build();
            CMSAuthEnvelopedData enveloped = generator.generate(new CMSProcessableByteArray(content), encryptor);
            Object representation = encryptor.getKey().getRepresentation();
            byte[] contentKey = representation instanceof java.security.Key key ? key.getEncoded() : ((byte[]) representation).clone();
            return new Encrypted(enveloped.toASN1Structure().getEncoded(ASN1Encoding.DER), contentKey);
        } catch (GeneralSecurityException | CMSException | IOException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot build the AuthEnvelopedData: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The encryption's output.
     *
     * @param blob the DER ContentInfo (id-ct-authEnvelopedData)
     * @param contentKey the raw 32-byte AES-256 content-encryption key (the caller wipes it)
     */
    record Encrypted(byte[] blob, byte[] contentKey) {
    }
}

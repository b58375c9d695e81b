package org.sealmail.crypto.rights.message;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.PKIXRecipientId;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.license.CertificateReference;

/**
 * Reads the AuthEnvelopedData (RFC 5083) of a protected blob: its content id attribute and its
 * RecipientInfos, unwraps the content-encryption key with a private key (the first open), and
 * decrypts the AES-256-GCM content with a content-encryption key (RFC 5084), whether just
 * unwrapped or taken from a cached use license. The GCM additional data is the DER encoding of
 * the authenticated attributes (RFC 5083 §2.2).
 */
final class AuthEnvelopedDataDecryptor {

    private static final ASN1ObjectIdentifier CONTENT_ID = new ASN1ObjectIdentifier(ProtectedMessageFormat.CONTENT_ID_ATTRIBUTE);

    private final CMSAuthEnvelopedData enveloped;
    private final AuthEnvelopedData structure;
    private final String contentId;

    private AuthEnvelopedDataDecryptor(CMSAuthEnvelopedData enveloped, AuthEnvelopedData structure, String contentId) {
        this.enveloped = enveloped;
        this.structure = structure;
        this.contentId = contentId;
    }

    /**
     * @param der the protected blob
     * @return a decryptor for it
     * @throws ProtectionRefusedException {@link Refusal#MALFORMED} if it is truncated, not an AuthEnvelopedData,
     *     not AES-256-GCM, or lacks the content id attribute
     */
    static AuthEnvelopedDataDecryptor parse(byte[] der) {
        ContentInfo info;
        try {
            info = ContentInfo.getInstance(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw malformed("the protected blob (" + der.length + " bytes) is truncated or not a DER CMS ContentInfo: "
                    + e.getMessage(), e);
        }
        if (!CMSObjectIdentifiers.authEnvelopedData.equals(info.getContentType())) {
            throw malformed("the protected blob is CMS " + info.getContentType() + ", expected AuthEnvelopedData ("
                    + CMSObjectIdentifiers.authEnvelopedData + ")", null);
        }
        CMSAuthEnvelopedData enveloped;
        AuthEnvelopedData structure;
        try {
            enveloped = new CMSAuthEnvelopedData(info);
            structure = AuthEnvelopedData.getInstance(info.getContent());
        } catch (CMSException | RuntimeException e) {
            throw malformed("the protected blob is not a valid AuthEnvelopedData: " + e.getMessage(), e);
        }
        AlgorithmIdentifier algorithm = structure.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm();
        if (!NISTObjectIdentifiers.id_aes256_GCM.equals(algorithm.getAlgorithm())) {
            throw malformed("the content is encrypted with " + algorithm.getAlgorithm() + ", expected AES-256-GCM ("
                    + NISTObjectIdentifiers.id_aes256_GCM + ")", null);
        }
        return new AuthEnvelopedDataDecryptor(enveloped, structure, readContentId(structure.getAuthAttrs()));
    }

    private static String readContentId(ASN1Set authAttrs) {
        if (authAttrs != null) {
            for (int index = 0; index < authAttrs.size(); index++) {
                Attribute attribute = Attribute.getInstance(authAttrs.getObjectAt(index));
                if (CONTENT_ID.equals(attribute.getAttrType()) && attribute.getAttrValues().size() == 1
                        && attribute.getAttrValues().getObjectAt(0) instanceof ASN1String value) {
                    return value.getString();
                }
            }
        }
        throw malformed("the AuthEnvelopedData has no content id attribute (" + ProtectedMessageFormat.CONTENT_ID_ATTRIBUTE + ")", null);
    }

    /** @return the content id from the authenticated attributes (authenticated only once decrypted) */
    String contentId() {
        return contentId;
    }

    /** @return the issuer and serial number of every RecipientInfo, in order */
    List<RecipientIdentity> recipients() {
        List<RecipientIdentity> identities = new ArrayList<>();
        for (RecipientInformation recipient : enveloped.getRecipientInfos().getRecipients()) {
            RecipientId id = recipient.getRID();
            if (id instanceof PKIXRecipientId pkix && pkix.getIssuer() != null) {
                identities.add(new RecipientIdentity(pkix.getIssuer(), pkix.getSerialNumber()));
            } else {
                identities.add(new RecipientIdentity(null, null));
            }
        }
        return identities;
    }

    /**
     * Unwraps the content-encryption key with the private key whose certificate a RecipientInfo names.
     *
     * @param key the recipient's key
     * @return the raw content-encryption key, or empty if no RecipientInfo names the certificate
     * @throws ProtectionRefusedException {@link Refusal#CIPHERTEXT_ALTERED} if the wrapped key does not unwrap
     */
    Optional<byte[]> unwrapContentKey(CertifiedKey key) {
        JcaX509CertificateHolder holder;
        try {
            holder = new JcaX509CertificateHolder(key.certificate());
        } catch (CertificateEncodingException e) {
            throw malformed("cannot encode the recipient certificate: " + e.getMessage(), e);
        }
        for (RecipientInformation recipient : enveloped.getRecipientInfos().getRecipients()) {
            if (!recipient.getRID().match(holder)) {
                continue;
            }
            byte[][] captured = new byte[1][];
            Recipient capturing = recipient instanceof KeyAgreeRecipientInformation
                    ? new CapturingKeyAgreeRecipient(key, captured) : new CapturingKeyTransRecipient(key, captured);
            try {
                // Only the key is wanted: Bouncy Castle unwraps it when the stream is created. The
                // content is decrypted once, by decrypt(byte[]); the stream is in memory and is left
                // unread (closing it unread would finalize GCM over nothing and fail the tag check).
                recipient.getContentStream(capturing);
            } catch (CMSException | IOException | RuntimeException e) {
                throw new ProtectionRefusedException(Refusal.CIPHERTEXT_ALTERED,
                        "the content-encryption key in your RecipientInfo does not unwrap with your key: " + e.getMessage(), e);
            }
            if (captured[0] == null) {
                throw new ProtectionRefusedException(Refusal.CIPHERTEXT_ALTERED, "no content-encryption key was unwrapped");
            }
            return Optional.of(captured[0]);
        }
        return Optional.empty();
    }

    /**
     * Decrypts and authenticates the content with AES-256-GCM.
     *
     * @param contentKey the raw 32-byte content-encryption key
     * @return the plaintext (the DER SignedData ContentInfo)
     * @throws ProtectionRefusedException {@link Refusal#CIPHERTEXT_ALTERED} if the GCM tag does not verify
     */
    byte[] decrypt(byte[] contentKey) {
        EncryptedContentInfo info = structure.getAuthEncryptedContentInfo();
        ASN1OctetString encrypted = info.getEncryptedContent();
        if (encrypted == null) {
            throw malformed("the AuthEnvelopedData carries no encrypted content", null);
        }
        try {
            GCMParameters parameters = GCMParameters.getInstance(info.getContentEncryptionAlgorithm().getParameters());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"),
                    new GCMParameterSpec(parameters.getIcvLen() * 8, parameters.getNonce()));
            if (structure.getAuthAttrs() != null) {
                cipher.updateAAD(structure.getAuthAttrs().getEncoded(ASN1Encoding.DER));
            }
            byte[] ciphertext = encrypted.getOctets();
            byte[] mac = structure.getMac().getOctets();
            byte[] input = new byte[ciphertext.length + mac.length];
            System.arraycopy(ciphertext, 0, input, 0, ciphertext.length);
            System.arraycopy(mac, 0, input, ciphertext.length, mac.length);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new ProtectionRefusedException(Refusal.CIPHERTEXT_ALTERED,
                    "the AES-GCM authentication tag does not verify: the ciphertext or its authenticated attributes were altered", e);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw malformed("cannot decrypt the AES-GCM content: " + e.getMessage(), e);
        }
    }

    private static ProtectionRefusedException malformed(String message, Throwable cause) {
        return new ProtectionRefusedException(Refusal.MALFORMED, message, cause);
    }

    /**
     * The issuer and serial number a RecipientInfo names (RFC 5652 §10.2.4).
     *
     * @param issuer the issuer name, or null for a RecipientInfo that names its key otherwise
     * @param serial the serial number, or null likewise
     */
    record RecipientIdentity(X500Name issuer, BigInteger serial) {

        /** @return true if this identifies the referenced certificate */
        boolean matches(CertificateReference reference) {
            return issuer != null && serial.equals(reference.serial())
                    && issuer.equals(X500Name.getInstance(reference.issuer()));
        }

        @Override
        public String toString() {
            return issuer == null ? "(a RecipientInfo without issuer and serial number)"
                    : "issuer " + issuer + ", serial " + serial.toString(16);
        }
    }

    /** Key transport recipient that keeps the unwrapped content-encryption key. */
    private static final class CapturingKeyTransRecipient extends JceKeyTransAuthEnvelopedRecipient {
        private final byte[][] captured;

        CapturingKeyTransRecipient(CertifiedKey key, byte[][] captured) {
            super(key.privateKey());
            this.captured = captured;
            setProvider(CryptoProvider.get());
        }

        @Override
        protected Key extractSecretKey(AlgorithmIdentifier keyEncryptionAlgorithm, AlgorithmIdentifier encryptedKeyAlgorithm,
                byte[] encryptedEncryptionKey) throws CMSException {
            Key key = super.extractSecretKey(keyEncryptionAlgorithm, encryptedKeyAlgorithm, encryptedEncryptionKey);
            captured[0] = key.getEncoded();
            return key;
        }
    }

    /** Key agreement recipient that keeps the unwrapped content-encryption key. */
    private static final class CapturingKeyAgreeRecipient extends JceKeyAgreeAuthEnvelopedRecipient {
        private final byte[][] captured;

        CapturingKeyAgreeRecipient(CertifiedKey key, byte[][] captured) {
            super(key.privateKey());
            this.captured = captured;
            setProvider(CryptoProvider.get());
        }

        @Override
        protected Key extractSecretKey(AlgorithmIdentifier keyEncryptionAlgorithm, AlgorithmIdentifier contentEncryptionAlgorithm,
                SubjectPublicKeyInfo senderKey, ASN1OctetString userKeyingMaterial, byte[] encryptedContentKey)
                throws CMSException {
            Key key = super.extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm, senderKey, userKeyingMaterial,
                    encryptedContentKey);
            captured[0] = key.getEncoded();
            return key;
        }
    }
}

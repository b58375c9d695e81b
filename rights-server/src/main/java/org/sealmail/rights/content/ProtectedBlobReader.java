package org.sealmail.rights.content;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.rights.message.ProtectedMessageFormat;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;

/**
 * Opens a protected blob with a known content-encryption key (docs/protected-message-format.md,
 * "The CMS layering"): DER ContentInfo with AuthEnvelopedData (RFC 5083), AES-256-GCM (RFC 5084)
 * with the authenticated attributes as additional data, then the inner SignedData (RFC 5652 §5.6)
 * with exactly one signer whose signature verifies and exactly one publishing-license attribute.
 * The rights server uses it to check an upload and to show the web reader.
 */
public final class ProtectedBlobReader {

    private static final ASN1ObjectIdentifier CONTENT_ID = new ASN1ObjectIdentifier(ProtectedMessageFormat.CONTENT_ID_ATTRIBUTE);
    private static final ASN1ObjectIdentifier LICENSE = new ASN1ObjectIdentifier(ProtectedMessageFormat.PUBLISHING_LICENSE_ATTRIBUTE);

    private ProtectedBlobReader() {
    }

    /**
     * The opened blob.
     *
     * @param contentId the content-id authenticated attribute
     * @param publishingLicense the publishing-license signed attribute (JWS compact), verbatim
     * @param content the inner message (RFC 5322 bytes)
     */
    public record OpenedBlob(String contentId, String publishingLicense, byte[] content) {
    }

    /**
     * @param der the protected blob
     * @param contentKey the 32-byte content-encryption key
     * @return the verified content
     * @throws RightsProblem {@link ProblemReason#CONTENT_MISMATCH} naming what failed (structure, GCM tag, signature)
     */
    public static OpenedBlob open(byte[] der, byte[] contentKey) {
        AuthEnvelopedData enveloped = envelope(der);
        String contentId = contentId(enveloped.getAuthAttrs());
        byte[] signedData = decrypt(enveloped, contentKey);
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(signedData);
        } catch (org.bouncycastle.cms.CMSException | RuntimeException e) {
            throw mismatch("the decrypted content is not a CMS SignedData: " + e.getMessage(), e);
        }
        if (signed.getSignedContent() == null || !(signed.getSignedContent().getContent() instanceof byte[] content)) {
            throw mismatch("the SignedData carries no encapsulated content", null);
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw mismatch("the SignedData has " + signers.size() + " signers, expected one", null);
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw mismatch("the SignedData does not carry its signer's certificate", null);
        }
        try {
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(CryptoProvider.get())
                    .getCertificate(matches.iterator().next());
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.get()).build(certificate))) {
                throw mismatch("the sender's signature over the content does not verify", null);
            }
        } catch (GeneralSecurityException | org.bouncycastle.cms.CMSException | org.bouncycastle.operator.OperatorCreationException e) {
            throw mismatch("the sender's signature over the content does not verify: " + e.getMessage(), e);
        }
        return new OpenedBlob(contentId, license(signer.getSignedAttributes()), content);
    }

    private static AuthEnvelopedData envelope(byte[] der) {
        try {
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!CMSObjectIdentifiers.authEnvelopedData.equals(info.getContentType())) {
                throw mismatch("the blob is CMS " + info.getContentType() + ", not AuthEnvelopedData", null);
            }
            AuthEnvelopedData enveloped = AuthEnvelopedData.getInstance(info.getContent());
            if (!NISTObjectIdentifiers.id_aes256_GCM.equals(
                    enveloped.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm().getAlgorithm())) {
                throw mismatch("the blob is not encrypted with AES-256-GCM", null);
            }
            return enveloped;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RightsProblem problem) {
                throw problem;
            }
            throw mismatch("the blob (" + der.length + " bytes) is not a DER AuthEnvelopedData: " + e.getMessage(), e);
        }
    }

    private static String contentId(ASN1Set attributes) {
        if (attributes != null) {
            for (int index = 0; index < attributes.size(); index++) {
                Attribute attribute = Attribute.getInstance(attributes.getObjectAt(index));
                if (CONTENT_ID.equals(attribute.getAttrType()) && attribute.getAttrValues().size() == 1
                        && attribute.getAttrValues().getObjectAt(0) instanceof ASN1String value) {
                    return value.getString();
                }
            }
        }
        throw mismatch("the AuthEnvelopedData has no content-id attribute", null);
    }

    private static byte[] decrypt(AuthEnvelopedData enveloped, byte[] contentKey) {
        EncryptedContentInfo info = enveloped.getAuthEncryptedContentInfo();
        if (info.getEncryptedContent() == null || enveloped.getMac() == null) {
            throw mismatch("the AuthEnvelopedData carries no encrypted content", null);
        }
        try {
            GCMParameters parameters = GCMParameters.getInstance(info.getContentEncryptionAlgorithm().getParameters());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"),
                    new GCMParameterSpec(parameters.getIcvLen() * 8, parameters.getNonce()));
            if (enveloped.getAuthAttrs() != null) {
                cipher.updateAAD(enveloped.getAuthAttrs().getEncoded(ASN1Encoding.DER));
            }
            cipher.update(info.getEncryptedContent().getOctets());
            return cipher.doFinal(enveloped.getMac().getOctets());
        } catch (AEADBadTagException e) {
            throw mismatch("the blob does not decrypt with the registered content key (GCM tag check failed)", e);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw mismatch("the blob cannot be decrypted: " + e.getMessage(), e);
        }
    }

    private static String license(AttributeTable attributes) {
        if (attributes == null || attributes.getAll(LICENSE).size() != 1) {
            throw mismatch("the SignedData does not carry exactly one publishing-license attribute", null);
        }
        Attribute attribute = attributes.get(LICENSE);
        if (attribute.getAttrValues().size() != 1 || !(attribute.getAttrValues().getObjectAt(0) instanceof ASN1String value)) {
            throw mismatch("the publishing-license attribute is not one UTF8String", null);
        }
        return value.getString();
    }

    private static RightsProblem mismatch(String detail, Throwable cause) {
        return new RightsProblem(ProblemReason.CONTENT_MISMATCH, detail, cause);
    }
}

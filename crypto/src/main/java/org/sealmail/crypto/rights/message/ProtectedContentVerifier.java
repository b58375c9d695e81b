package org.sealmail.crypto.rights.message;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;

/**
 * Verifies the inner SignedData of a protected message (RFC 5652 §5.6): exactly one signer,
 * its certificate carried in the SignedData, the signature valid over the signed attributes
 * (which bind the content digest and the publishing license), and the publishing license
 * attribute present exactly once.
 */
final class ProtectedContentVerifier {

    private static final ASN1ObjectIdentifier LICENSE = new ASN1ObjectIdentifier(ProtectedMessageFormat.PUBLISHING_LICENSE_ATTRIBUTE);

    private ProtectedContentVerifier() {
    }

    /**
     * @param der the DER ContentInfo (id-signedData) decrypted from the envelope
     * @return the verified content
     * @throws ProtectionRefusedException {@link Refusal#MALFORMED} if it is not such a SignedData,
     *     {@link Refusal#SIGNATURE_INVALID} if the signature does not verify
     */
    static VerifiedContent verify(byte[] der) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(der);
        } catch (CMSException | RuntimeException e) {
            throw malformed("the decrypted content is not a CMS SignedData: " + e.getMessage(), e);
        }
        if (signed.getSignedContent() == null || !(signed.getSignedContent().getContent() instanceof byte[] content)) {
            throw malformed("the SignedData carries no encapsulated content", null);
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw malformed("the SignedData has " + signers.size() + " signers, expected exactly one (the sender)", null);
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw malformed("the SignedData does not carry the signer's certificate", null);
        }
        X509Certificate signerCertificate = convert(matches.iterator().next());
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.get()).build(signerCertificate))) {
                throw new ProtectionRefusedException(Refusal.SIGNATURE_INVALID,
                        "the sender's signature does not verify: the content or the publishing license was changed");
            }
        } catch (CMSException e) {
            throw new ProtectionRefusedException(Refusal.SIGNATURE_INVALID,
                    "the sender's signature does not verify (" + e.getMessage() + "): the content or the publishing license was changed", e);
        } catch (OperatorCreationException e) {
            throw malformed("cannot verify the sender's signature: " + e.getMessage(), e);
        }
        return new VerifiedContent(content, publishingLicense(signer.getSignedAttributes()), signerCertificate,
                certificates(signed));
    }

    private static String publishingLicense(AttributeTable attributes) {
        if (attributes == null || attributes.getAll(LICENSE).size() != 1) {
            throw malformed("the SignedData must carry exactly one publishing license attribute ("
                    + ProtectedMessageFormat.PUBLISHING_LICENSE_ATTRIBUTE + ")", null);
        }
        Attribute attribute = attributes.get(LICENSE);
        if (attribute.getAttrValues().size() != 1 || !(attribute.getAttrValues().getObjectAt(0) instanceof ASN1String value)) {
            throw malformed("the publishing license attribute must hold one UTF8String", null);
        }
        return value.getString();
    }

    private static List<X509Certificate> certificates(CMSSignedData signed) {
        List<X509Certificate> certificates = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> holders = signed.getCertificates().getMatches(null);
        for (X509CertificateHolder holder : holders) {
            certificates.add(convert(holder));
        }
        return certificates;
    }

    private static X509Certificate convert(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().setProvider(CryptoProvider.get()).getCertificate(holder);
        } catch (CertificateException e) {
            throw malformed("the SignedData carries an unreadable certificate: " + e.getMessage(), e);
        }
    }

    private static ProtectionRefusedException malformed(String message, Throwable cause) {
        return new ProtectionRefusedException(Refusal.MALFORMED, message, cause);
    }
}

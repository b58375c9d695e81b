package org.sealmail.crypto.rights.message;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.ECKey;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.keys.CertifiedKey;

/**
 * Signs the inner content of a protected message as CMS SignedData (RFC 5652 §5) with the
 * content encapsulated (id-data), the sender's chain in {@code certificates}, and signed
 * attributes contentType, messageDigest, signingTime, CMSAlgorithmProtection (RFC 6211) and
 * the publishing license ({@link ProtectedMessageFormat#PUBLISHING_LICENSE_ATTRIBUTE}).
 */
final class ProtectedContentSigner {

    private ProtectedContentSigner() {
    }

    /**
     * @param content the inner MIME message bytes
     * @param publishingLicense the publishing license JWS (compact)
     * @param sender the sender's key and chain
     * @param signingTime the signingTime attribute (UTC)
     * @return the DER encoding of the ContentInfo (id-signedData)
     * @throws CryptoException {@link CryptoFailure#UNSUPPORTED_ALGORITHM} if the key cannot sign
     */
    static byte[] sign(byte[] content, String publishingLicense, CertifiedKey sender, Instant signingTime) {
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(new ASN1ObjectIdentifier(ProtectedMessageFormat.PUBLISHING_LICENSE_ATTRIBUTE),
                    new DERSet(new DERUTF8String(publishingLicense))));
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProvider.get()).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(signatureAlgorithm(sender)).setProvider(CryptoProvider.get())
                            .build(sender.privateKey()), sender.certificate()));
            generator.addCertificates(new JcaCertStore(sender.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), true);
            return signed.toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot sign the protected content with "
                    + sender.privateKey().getAlgorithm() + " key: " + e.getMessage(), e);
        }
    }

    private static String signatureAlgorithm(CertifiedKey sender) {
        if (sender.privateKey() instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        return "SHA256withRSA";
    }
}

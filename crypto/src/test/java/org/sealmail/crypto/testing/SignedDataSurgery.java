package org.sealmail.crypto.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.sealmail.crypto.keys.CertifiedKey;

/** Builds deliberately altered CMS SignedData for bad-input tests (RFC 5652 §5 structures). */
public final class SignedDataSurgery {

    private SignedDataSurgery() {
    }

    /** @return the SignedData with its (first) signer's digest algorithm replaced by an unknown OID */
    public static byte[] withDigestAlgorithm(byte[] contentInfoDer, String oid) {
        ContentInfo contentInfo = ContentInfo.getInstance(contentInfoDer);
        SignedData signedData = SignedData.getInstance(contentInfo.getContent());
        SignerInfo original = SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0));
        AlgorithmIdentifier unknown = new AlgorithmIdentifier(new ASN1ObjectIdentifier(oid));
        SignerInfo altered = new SignerInfo(original.getSID(), unknown, original.getAuthenticatedAttributes(),
                original.getDigestEncryptionAlgorithm(), original.getEncryptedDigest(), original.getUnauthenticatedAttributes());
        SignedData alteredData = new SignedData(new DERSet(unknown), signedData.getEncapContentInfo(),
                signedData.getCertificates(), signedData.getCRLs(), new DERSet(altered));
        try {
            return new ContentInfo(CMSObjectIdentifiers.signedData, alteredData).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a detached SHA256withRSA/ECDSA SignedData over the content that carries no certificate at all */
    public static byte[] detachedWithoutCertificates(byte[] content, CertifiedKey signer) {
        String algorithm = "RSA".equals(signer.privateKey().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build(algorithm,
                    signer.privateKey(), signer.certificate()));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (OperatorCreationException | CMSException | IOException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.sealmail.crypto.rights.message;

import jakarta.mail.internet.MimeMessage;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.sealmail.crypto.keys.CertifiedKey;

/**
 * What an attacker who can read a protected message (a recipient) can do to it: decrypt the
 * envelope with their key, change the inner SignedData, and envelope it again to anyone.
 */
final class Tampering {

    private Tampering() {
    }

    /** @return the decrypted inner SignedData (DER ContentInfo) of a protected message, using {@code key} */
    static byte[] innerSignedData(MimeMessage outer, CertifiedKey key) {
        AuthEnvelopedDataDecryptor envelope = AuthEnvelopedDataDecryptor.parse(ProtectedMimeStructure.parse(outer).blob());
        return envelope.decrypt(envelope.unwrapContentKey(key).orElseThrow());
    }

    /** @return the content id of a protected message's envelope */
    static String contentId(MimeMessage outer) {
        return AuthEnvelopedDataDecryptor.parse(ProtectedMimeStructure.parse(outer).blob()).contentId();
    }

    /**
     * Builds a new outer message around {@code signedData}, enveloped to {@code keyHolders}, keeping
     * the original wrapper, headers and content id.
     */
    static MimeMessage reEnvelope(MimeMessage outer, byte[] signedData, List<X509Certificate> keyHolders) {
        String contentId = contentId(outer);
        ProtectedMimeStructure.Parts parts = ProtectedMimeStructure.parse(outer);
        return ProtectedMimeStructure.build(outer, parts.wrapper(), contentId, parts.headerRightsServer(),
                AuthEnvelopedDataEncryptor.encrypt(signedData, contentId, keyHolders).blob());
    }

    /** @return a new outer message with the blob replaced, everything else kept */
    static MimeMessage withBlob(MimeMessage outer, byte[] blob) {
        ProtectedMimeStructure.Parts parts = ProtectedMimeStructure.parse(outer);
        return ProtectedMimeStructure.build(outer, parts.wrapper(), contentId(outer), parts.headerRightsServer(), blob);
    }

    /**
     * Replaces the publishing license attribute of the SignedData's signer, keeping the original
     * signature value (as an attacker without the sender's key must).
     */
    static byte[] replacePublishingLicense(byte[] signedDataDer, UnaryOperator<String> change) throws Exception {
        ContentInfo info = ContentInfo.getInstance(signedDataDer);
        SignedData signedData = SignedData.getInstance(info.getContent());
        SignerInfo signer = SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        ASN1ObjectIdentifier license = new ASN1ObjectIdentifier(ProtectedMessageFormat.PUBLISHING_LICENSE_ATTRIBUTE);
        for (ASN1Encodable element : signer.getAuthenticatedAttributes()) {
            Attribute attribute = Attribute.getInstance(element);
            if (attribute.getAttrType().equals(license)) {
                String jws = ((DERUTF8String) attribute.getAttrValues().getObjectAt(0)).getString();
                attribute = new Attribute(license, new DERSet(new DERUTF8String(change.apply(jws))));
            }
            attributes.add(attribute);
        }
        SignerInfo changed = new SignerInfo(signer.getSID(), signer.getDigestAlgorithm(), new DERSet(attributes),
                signer.getDigestEncryptionAlgorithm(), signer.getEncryptedDigest(), signer.getUnauthenticatedAttributes());
        SignedData tampered = new SignedData(signedData.getDigestAlgorithms(), signedData.getEncapContentInfo(),
                signedData.getCertificates(), signedData.getCRLs(), new DERSet(changed));
        return new ContentInfo(CMSObjectIdentifiers.signedData, tampered).getEncoded(ASN1Encoding.DER);
    }

    /** @return the offset in {@code blob} of its AES-GCM ciphertext */
    static int ciphertextOffset(byte[] blob) {
        ContentInfo info = ContentInfo.getInstance(blob);
        byte[] ciphertext = org.bouncycastle.asn1.cms.AuthEnvelopedData.getInstance(info.getContent())
                .getAuthEncryptedContentInfo().getEncryptedContent().getOctets();
        byte[] probe = java.util.Arrays.copyOf(ciphertext, 32);
        outer:
        for (int offset = 0; offset <= blob.length - probe.length; offset++) {
            for (int index = 0; index < probe.length; index++) {
                if (blob[offset + index] != probe[index]) {
                    continue outer;
                }
            }
            return offset;
        }
        throw new IllegalStateException("ciphertext not found in the blob");
    }

    static List<X509Certificate> certificates(CertifiedKey... keys) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (CertifiedKey key : keys) {
            certificates.add(key.certificate());
        }
        return certificates;
    }

}

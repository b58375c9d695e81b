package org.sealmail.rights.testing;

import java.security.Key;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.sealmail.crypto.keys.CertifiedKey;

/**
 * Takes the content-encryption key out of the sender's KeyTransRecipientInfo (RSAES-OAEP,
 * RFC 5652 §6.2.1) of a protected blob, as the sender's client has it when it registers.
 */
final class SenderContentKey {

    private SenderContentKey() {
    }

    static byte[] unwrap(byte[] blob, CertifiedKey sender) throws Exception {
        CMSAuthEnvelopedData enveloped = new CMSAuthEnvelopedData(blob);
        JcaX509CertificateHolder holder = new JcaX509CertificateHolder(sender.certificate());
        for (RecipientInformation recipient : enveloped.getRecipientInfos().getRecipients()) {
            if (recipient instanceof KeyTransRecipientInformation && recipient.getRID().match(holder)) {
                byte[][] captured = new byte[1][];
                recipient.getContentStream(new JceKeyTransAuthEnvelopedRecipient(sender.privateKey()) {
                    @Override
                    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryption,
                            AlgorithmIdentifier contentEncryption, byte[] encryptedKey) throws CMSException {
                        Key key = extractSecretKey(keyEncryption, contentEncryption, encryptedKey);
                        captured[0] = key.getEncoded();
                        return super.getRecipientOperator(keyEncryption, contentEncryption, encryptedKey);
                    }
                });
                return captured[0];
            }
        }
        throw new IllegalStateException("the blob has no RecipientInfo for the sender");
    }
}

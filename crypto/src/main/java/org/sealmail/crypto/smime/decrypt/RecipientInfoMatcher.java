package org.sealmail.crypto.smime.decrypt;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.KEKRecipientId;
import org.bouncycastle.cms.PKIXRecipientId;
import org.bouncycastle.cms.RecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertifiedKey;

/**
 * Pairs the RecipientInfos of an EnvelopedData or AuthEnvelopedData with the keys we hold
 * (RFC 5652 §6.2): a KeyTransRecipientInfo or KeyAgreeRecipientInfo names its recipient by
 * issuer and serial number or by subject key identifier, which is compared with each key's
 * certificate. Every key of every key store takes part, so that mail encrypted to a key kept
 * after a certificate renewal still opens.
 */
final class RecipientInfoMatcher {

    /** A RecipientInfo and a key that it names. */
    record Candidate(RecipientInformation recipient, CertifiedKey key) {
    }

    private RecipientInfoMatcher() {
    }

    /**
     * @param recipients the RecipientInfos, in message order
     * @param keys our keys, in the caller's order of preference
     * @return every (RecipientInfo, key) pair that matches, in message order then key order
     */
    static List<Candidate> match(Collection<RecipientInformation> recipients, List<CertifiedKey> keys) {
        List<X509CertificateHolder> holders = new ArrayList<>();
        for (CertifiedKey key : keys) {
            try {
                holders.add(new JcaX509CertificateHolder(key.certificate()));
            } catch (CertificateEncodingException e) {
                throw new CryptoException(CryptoFailure.CERTIFICATE, "cannot encode the certificate of key " + key.alias(), e);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (RecipientInformation recipient : recipients) {
            RecipientId id = recipient.getRID();
            if (!(id instanceof PKIXRecipientId)) {
                continue;
            }
            for (int i = 0; i < keys.size(); i++) {
                if (id.match(holders.get(i))) {
                    candidates.add(new Candidate(recipient, keys.get(i)));
                }
            }
        }
        return candidates;
    }

    /**
     * @param recipient a RecipientInfo
     * @return a readable identification: its kind and its recipient identifier
     */
    static String describe(RecipientInformation recipient) {
        RecipientId id = recipient.getRID();
        String kind = switch (id.getType()) {
            case RecipientId.keyTrans -> "KeyTransRecipientInfo";
            case RecipientId.keyAgree -> "KeyAgreeRecipientInfo";
            case RecipientId.kek -> "KEKRecipientInfo";
            case RecipientId.password -> "PasswordRecipientInfo";
            case RecipientId.kem -> "KEMRecipientInfo";
            default -> "RecipientInfo type " + id.getType();
        };
        return kind + " " + identifier(id);
    }

    private static String issuerName(PKIXRecipientId id) {
        try {
            return new X500Principal(id.getIssuer().getEncoded()).getName();
        } catch (IOException | IllegalArgumentException e) {
            return String.valueOf(id.getIssuer());
        }
    }

    /**
     * @param id a recipient identifier
     * @return "issuer DN, serial 0x..", "subject key identifier hex", "KEK id hex", or for a
     *     password recipient a note that it is not supported
     */
    static String identifier(RecipientId id) {
        if (id instanceof PKIXRecipientId pkix) {
            if (pkix.getSubjectKeyIdentifier() != null) {
                return "subject key identifier " + HexFormat.of().formatHex(pkix.getSubjectKeyIdentifier());
            }
            BigInteger serial = pkix.getSerialNumber();
            return "issuer \"" + issuerName(pkix) + "\", serial 0x" + (serial == null ? "?" : serial.toString(16));
        }
        if (id instanceof KEKRecipientId kek) {
            return "key identifier " + HexFormat.of().formatHex(kek.getKeyIdentifier())
                    + " (pre-shared key-encryption key, RFC 5652 §6.2.3: not supported)";
        }
        if (id.getType() == RecipientId.password) {
            return "(password-based, RFC 3211: not supported)";
        }
        return "(not supported)";
    }
}

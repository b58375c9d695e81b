package org.sealmail.crypto.smime;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.smime.SMIMECapability;

/**
 * The SMIMECapabilities signed attribute (RFC 8551 §2.5.2): the algorithms a sender can
 * decrypt, in order of preference. Sealmail advertises AES-256-GCM, AES-128-GCM,
 * AES-256-CBC and AES-128-CBC, and reads a correspondent's list to choose between
 * AuthEnvelopedData (GCM) and EnvelopedData (CBC) when encrypting to them.
 *
 * @param algorithms capability OIDs (dotted), in the signer's order of preference
 */
public record SmimeCapabilities(List<String> algorithms) {

    /** AES-256-GCM content encryption (RFC 5084). */
    public static final String AES256_GCM = NISTObjectIdentifiers.id_aes256_GCM.getId();
    /** AES-128-GCM content encryption (RFC 5084). */
    public static final String AES128_GCM = NISTObjectIdentifiers.id_aes128_GCM.getId();
    /** AES-256-CBC content encryption (RFC 3565). */
    public static final String AES256_CBC = NISTObjectIdentifiers.id_aes256_CBC.getId();
    /** AES-128-CBC content encryption (RFC 3565). */
    public static final String AES128_CBC = NISTObjectIdentifiers.id_aes128_CBC.getId();
    /** RSAES-OAEP key transport (RFC 8017, RFC 3560). */
    public static final String RSA_OAEP = PKCSObjectIdentifiers.id_RSAES_OAEP.getId();

    /** Copies the list. */
    public SmimeCapabilities {
        algorithms = List.copyOf(algorithms);
    }

    /** @return what Sealmail itself advertises when signing */
    public static SmimeCapabilities sealmailDefault() {
        return new SmimeCapabilities(List.of(AES256_GCM, AES128_GCM, AES256_CBC, AES128_CBC, RSA_OAEP));
    }

    /** @return true if the list names AES-GCM (128 or 256) */
    public boolean supportsAesGcm() {
        return algorithms.contains(AES256_GCM) || algorithms.contains(AES128_GCM);
    }

    /** @return true if nothing was advertised (attribute absent or empty) */
    public boolean isEmpty() {
        return algorithms.isEmpty();
    }

    /** @return the signed attribute (smimeCapabilities, 1.2.840.113549.1.9.15) */
    public Attribute toAttribute() {
        ASN1EncodableVector vector = new ASN1EncodableVector();
        for (String oid : algorithms) {
            vector.add(new SMIMECapability(new ASN1ObjectIdentifier(oid), null));
        }
        return new Attribute(PKCSObjectIdentifiers.pkcs_9_at_smimeCapabilities, new DERSet(new DERSequence(vector)));
    }

    /**
     * Reads the attribute value.
     *
     * @param attribute an smimeCapabilities attribute, or {@code null}
     * @return the capabilities; empty when the attribute is absent or unreadable
     */
    public static SmimeCapabilities fromAttribute(Attribute attribute) {
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return new SmimeCapabilities(List.of());
        }
        List<String> oids = new ArrayList<>();
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(attribute.getAttrValues().getObjectAt(0));
            for (ASN1Encodable element : sequence) {
                oids.add(SMIMECapability.getInstance(element).getCapabilityID().getId());
            }
        } catch (IllegalArgumentException e) {
            return new SmimeCapabilities(List.of());
        }
        return new SmimeCapabilities(oids);
    }
}

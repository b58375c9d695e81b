package org.sealmail.crypto.keys;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The e-mail addresses a certificate is issued to, per RFC 8550 §3: every subjectAltName
 * rfc822Name, and the legacy subject emailAddress attribute (PKCS #9). Addresses are
 * returned lower-cased, without duplicates, SAN entries first.
 */
public final class CertificateAddresses {

    private static final int RFC822_NAME = 1;

    private CertificateAddresses() {
    }

    /**
     * @param certificate an X.509 certificate
     * @return its e-mail addresses, lower-cased; empty if it names none
     */
    public static List<String> of(X509Certificate certificate) {
        List<String> addresses = new ArrayList<>();
        try {
            Collection<List<?>> altNames = certificate.getSubjectAlternativeNames();
            if (altNames != null) {
                for (List<?> entry : altNames) {
                    if (entry.size() >= 2 && Integer.valueOf(RFC822_NAME).equals(entry.get(0))
                            && entry.get(1) instanceof String value) {
                        add(addresses, value);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unparseable SAN names no address; the subject may still carry one
        }
        try {
            X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            for (RDN rdn : subject.getRDNs()) {
                for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                    if (PKCSObjectIdentifiers.pkcs_9_at_emailAddress.equals(atv.getType())) {
                        ASN1Encodable value = atv.getValue();
                        if (value instanceof ASN1String string) {
                            add(addresses, string.getString());
                        }
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // malformed subject: no address from it
        }
        return List.copyOf(addresses);
    }

    /**
     * @param certificate a certificate
     * @param address an e-mail address, compared case-insensitively
     * @return true if the certificate names that address
     */
    public static boolean matches(X509Certificate certificate, String address) {
        return address != null && of(certificate).contains(address.trim().toLowerCase(Locale.ROOT));
    }

    private static void add(List<String> addresses, String raw) {
        String address = raw.trim().toLowerCase(Locale.ROOT);
        if (!address.isEmpty() && !addresses.contains(address)) {
            addresses.add(address);
        }
    }

    static String describe(X509Certificate certificate) {
        List<String> addresses = of(certificate);
        return addresses.isEmpty() ? certificate.getSubjectX500Principal().getName() : addresses.get(0);
    }
}

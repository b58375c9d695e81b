package org.sealmail.mailstore.tls;

import java.net.IDN;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a server certificate names the host the client connected to (RFC 6125 §6):
 * an IP literal must equal an iPAddress subjectAltName; a DNS name must match a dNSName
 * subjectAltName, with a wildcard allowed only as the whole left-most label (one label deep).
 * The subject CN is not consulted (RFC 6125 §6.4.4 allows it only without dNSNames; we require SANs).
 */
final class HostnameVerifier {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private HostnameVerifier() {
    }

    /**
     * @param host the host the client connected to (name or IP literal)
     * @param certificate the server's certificate
     * @throws CertificateException if the certificate does not name the host
     */
    static void verify(String host, X509Certificate certificate) throws CertificateException {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new CertificateException("cannot read the subjectAltName of the server certificate", e);
        }
        String target = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipLiteral = isIpLiteral(target);
        if (names != null) {
            for (List<?> name : names) {
                int type = (Integer) name.get(0);
                String value = String.valueOf(name.get(1));
                if (ipLiteral && type == IP_ADDRESS && sameAddress(target, value)) {
                    return;
                }
                if (!ipLiteral && type == DNS_NAME && dnsMatches(target, value)) {
                    return;
                }
            }
        }
        throw new CertificateException("the server certificate (subject " + certificate.getSubjectX500Principal()
                + ") is not valid for " + host + ": no matching subjectAltName");
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.indexOf(':') >= 0;
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return java.util.Arrays.equals(java.net.InetAddress.getByName(a).getAddress(),
                    java.net.InetAddress.getByName(b).getAddress());
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean dnsMatches(String host, String pattern) {
        String h = normalize(host);
        String p = normalize(pattern);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1)) && p.indexOf('.', 2) > 0;
        }
        return h.equals(p);
    }

    private static String normalize(String name) {
        String ascii = IDN.toASCII(name.endsWith(".") ? name.substring(0, name.length() - 1) : name,
                IDN.ALLOW_UNASSIGNED);
        return ascii.toLowerCase(Locale.ROOT);
    }
}

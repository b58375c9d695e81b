package org.sealmail.crypto.keys;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an S/MIME end-entity certificate should say (RFC 8550 §4.4). The defaults give a
 * certificate fit for signing and encryption: subjectAltName rfc822Name, keyUsage
 * digitalSignature + nonRepudiation + keyEncipherment (RSA) or keyAgreement (EC), and
 * extendedKeyUsage emailProtection. Tests turn parts off to make unsuitable certificates.
 *
 * @param email the rfc822Name; {@code null} for a certificate that names no address
 * @param commonName the subject CN
 * @param algorithm the key type
 * @param notBefore start of validity (UTC)
 * @param notAfter end of validity (UTC)
 * @param emailProtection whether the extendedKeyUsage names id-kp-emailProtection (otherwise id-kp-serverAuth)
 * @param keyUsage whether a keyUsage extension is present at all
 */
public record EmailCertificateSpec(String email, String commonName, KeyAlgorithm algorithm, Instant notBefore,
        Instant notAfter, boolean emailProtection, boolean keyUsage) {

    /**
     * An ASCII addr-spec (RFC 5322 §3.4.1, dot-atom local part and a host name): what an
     * rfc822Name, an IA5String, can hold (RFC 5280 §4.2.1.6).
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    /**
     * @throws IllegalArgumentException if notAfter is not after notBefore, or the e-mail
     *     address is not an ASCII addr-spec (see {@link #isAddress(String)})
     */
    public EmailCertificateSpec {
        if (email != null && !isAddress(email)) {
            throw new IllegalArgumentException("not an e-mail address (local@domain, ASCII): \"" + email + "\"");
        }
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
    }

    /**
     * @param email the address
     * @param algorithm the key type
     * @return a spec valid from an hour ago for two years, with every default on
     */
    public static EmailCertificateSpec forAddress(String email, KeyAlgorithm algorithm) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new EmailCertificateSpec(email, email, algorithm, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(730)), true, true);
    }

    /**
     * @param candidate a string
     * @return true if it is an ASCII addr-spec such as {@code alice@example.test} (dot-atom local
     *     part, RFC 5322 §3.4.1; a host name as domain), the form an rfc822Name holds
     */
    public static boolean isAddress(String candidate) {
        return candidate != null && ADDRESS.matcher(candidate).matches();
    }

    /** @return a copy valid in the given window */
    public EmailCertificateSpec validity(Instant from, Instant to) {
        return new EmailCertificateSpec(email, commonName, algorithm, from, to, emailProtection, keyUsage);
    }

    /** @return a copy with or without the emailProtection extended key usage */
    public EmailCertificateSpec withEmailProtection(boolean on) {
        return new EmailCertificateSpec(email, commonName, algorithm, notBefore, notAfter, on, keyUsage);
    }

    /** @return a copy with a different subject common name */
    public EmailCertificateSpec withCommonName(String name) {
        return new EmailCertificateSpec(email, name, algorithm, notBefore, notAfter, emailProtection, keyUsage);
    }
}

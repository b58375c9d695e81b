package org.sealmail.crypto.keys;

import java.security.InvalidAlgorithmParameterException;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * Builds and validates a certification path (PKIX, RFC 5280 §6) from a certificate to one of
 * a set of trust anchors, using any supplied certificates (for example those carried in a
 * signed message) as intermediates. Revocation is not checked here: no CRL or OCSP is fetched.
 */
public final class CertificatePathValidator {

    private final Set<TrustAnchor> anchors;
    private final Provider provider;

    /**
     * A validator using the JDK's PKIX implementation, which also enforces the JDK's
     * {@code jdk.certpath.disabledAlgorithms} (MD2, MD5, short keys...).
     *
     * @param trustAnchors the certificates trusted as roots; may be empty (then nothing is trusted)
     */
    public CertificatePathValidator(Collection<X509Certificate> trustAnchors) {
        this(trustAnchors, null);
    }

    /**
     * @param trustAnchors the certificates trusted as roots; may be empty (then nothing is trusted)
     * @param provider the JCA provider of the PKIX CertPathBuilder, or null for the JDK's; Bouncy
     *     Castle's ignores {@code jdk.certpath.disabledAlgorithms}, which lets old archives
     *     (MD5-signed certificates) be validated on purpose
     */
    public CertificatePathValidator(Collection<X509Certificate> trustAnchors, Provider provider) {
        Set<TrustAnchor> set = new HashSet<>();
        for (X509Certificate anchor : trustAnchors) {
            set.add(new TrustAnchor(anchor, null));
        }
        this.anchors = Set.copyOf(set);
        this.provider = provider;
    }

    /**
     * Validates the path of {@code certificate} at the instant {@code at}.
     *
     * @param certificate the end-entity certificate
     * @param intermediates candidate intermediate certificates (may include unrelated ones)
     * @param at the validation time (UTC), e.g. now or the signing time
     * @return the outcome; never throws for an untrusted certificate
     */
    public PathValidation validate(X509Certificate certificate, Collection<X509Certificate> intermediates, Instant at) {
        if (anchors.isEmpty()) {
            return PathValidation.untrusted("no trust anchors configured");
        }
        for (TrustAnchor anchor : anchors) {
            if (anchor.getTrustedCert().equals(certificate)) {
                return PathValidation.trusted(List.of(certificate), certificate);
            }
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> store = new ArrayList<>(intermediates);
            store.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            PKIXCertPathBuilderResult result =
                    (PKIXCertPathBuilderResult) (provider == null ? CertPathBuilder.getInstance("PKIX")
                            : CertPathBuilder.getInstance("PKIX", provider)).build(parameters);
            List<X509Certificate> path = new ArrayList<>();
            for (java.security.cert.Certificate element : result.getCertPath().getCertificates()) {
                path.add((X509Certificate) element);
            }
            return PathValidation.trusted(path, result.getTrustAnchor().getTrustedCert());
        } catch (CertPathBuilderException e) {
            return PathValidation.untrusted(describe(e));
        } catch (InvalidAlgorithmParameterException | java.security.NoSuchAlgorithmException e) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "cannot validate certificate path: " + e.getMessage(), e);
        }
    }

    private static String describe(CertPathBuilderException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return "no valid certification path to a trusted root: " + message;
    }
}

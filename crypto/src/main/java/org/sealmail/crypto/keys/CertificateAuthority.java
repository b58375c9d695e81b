package org.sealmail.crypto.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.CryptoProvider;

/**
 * A small X.509 certificate authority (RFC 5280) for the demo and the tests: it makes a
 * self-signed root, intermediates and S/MIME end-entity certificates (RFC 8550).
 * Not meant to run a real PKI: no CRL or OCSP publishing.
 */
public final class CertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Index of keyCertSign in {@link X509Certificate#getKeyUsage()} (RFC 5280 §4.2.1.3). */
    private static final int KEY_CERT_SIGN = 5;

    private final CertifiedKey issuer;

    /**
     * @param issuer the CA key and chain that signs the certificates issued
     * @throws CryptoException {@link CryptoFailure#CERTIFICATE} if the issuer's certificate is not
     *     a CA certificate (basicConstraints cA, and keyCertSign when keyUsage is present, RFC 5280
     *     §4.2.1.9 and §4.2.1.3): what it signed would not validate
     */
    public CertificateAuthority(CertifiedKey issuer) {
        X509Certificate certificate = issuer.certificate();
        boolean[] keyUsage = certificate.getKeyUsage();
        if (certificate.getBasicConstraints() < 0) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "\"" + issuer.alias() + "\" (" + certificate
                    .getSubjectX500Principal().getName() + ") is not a CA certificate (basicConstraints cA is not set),"
                    + " so it cannot issue certificates");
        }
        if (keyUsage != null && (keyUsage.length <= KEY_CERT_SIGN || !keyUsage[KEY_CERT_SIGN])) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "\"" + issuer.alias() + "\" (" + certificate
                    .getSubjectX500Principal().getName() + ") may not sign certificates (its key usage lacks keyCertSign)");
        }
        this.issuer = issuer;
    }

    /** @return the CA's own key and chain */
    public CertifiedKey issuer() {
        return issuer;
    }

    /**
     * Creates a self-signed root CA valid from an hour ago for ten years.
     *
     * @param commonName the CA's subject CN
     * @param algorithm its key type
     * @return a new authority
     * @throws CryptoException if the certificate cannot be built
     */
    public static CertificateAuthority createRoot(String commonName, KeyAlgorithm algorithm) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        KeyPair keyPair = algorithm.generate();
        X500Name subject = name(commonName);
        X509Certificate certificate = build(subject, keyPair.getPublic(), subject, keyPair, algorithm,
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)), Role.CA, null);
        return new CertificateAuthority(new CertifiedKey("ca", keyPair.getPrivate(), List.of(certificate)));
    }

    /**
     * Issues an intermediate CA certificate under this authority.
     *
     * @param commonName the intermediate's CN
     * @param algorithm its key type
     * @return the intermediate authority (its chain includes this authority's chain)
     */
    public CertificateAuthority issueIntermediate(String commonName, KeyAlgorithm algorithm) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        KeyPair keyPair = algorithm.generate();
        X509Certificate certificate = build(name(commonName), keyPair.getPublic(), issuerName(), issuerKeyPair(),
                issuerAlgorithm(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1825)), Role.CA, null);
        return new CertificateAuthority(new CertifiedKey("ca", keyPair.getPrivate(), chainWith(certificate)));
    }

    /**
     * Issues an S/MIME end-entity certificate.
     *
     * @param spec what the certificate says
     * @return the new key with its chain (end entity first, then this authority's chain)
     * @throws CryptoException if the certificate cannot be built
     */
    public CertifiedKey issue(EmailCertificateSpec spec) {
        KeyPair keyPair = spec.algorithm().generate();
        X509Certificate certificate = build(name(spec.commonName()), keyPair.getPublic(), issuerName(),
                issuerKeyPair(), issuerAlgorithm(), spec.notBefore(), spec.notAfter(), Role.END_ENTITY, spec);
        String alias = spec.email() != null ? spec.email() : spec.commonName();
        return new CertifiedKey(alias, keyPair.getPrivate(), chainWith(certificate));
    }

    /**
     * Issues a new certificate for an existing key pair (a renewal that keeps the key, or a
     * certificate for a key made elsewhere).
     *
     * @param spec what the certificate says; its algorithm must match the key
     * @param subjectKey the public key to certify
     * @return the certificate chain, end entity first
     */
    public List<X509Certificate> certify(EmailCertificateSpec spec, PublicKey subjectKey) {
        X509Certificate certificate = build(name(spec.commonName()), subjectKey, issuerName(), issuerKeyPair(),
                issuerAlgorithm(), spec.notBefore(), spec.notAfter(), Role.END_ENTITY, spec);
        return chainWith(certificate);
    }

    private List<X509Certificate> chainWith(X509Certificate certificate) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuer.chain());
        return chain;
    }

    private X500Name issuerName() {
        return X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    }

    private KeyPair issuerKeyPair() {
        return new KeyPair(issuer.certificate().getPublicKey(), issuer.privateKey());
    }

    private KeyAlgorithm issuerAlgorithm() {
        String keyAlgorithm = issuer.privateKey().getAlgorithm();
        return "EC".equals(keyAlgorithm) || "ECDSA".equals(keyAlgorithm) ? KeyAlgorithm.EC_P256 : KeyAlgorithm.RSA_2048;
    }

    private enum Role { CA, END_ENTITY }

    private static X500Name name(String commonName) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        builder.addRDN(BCStyle.O, "Sealmail Test");
        builder.addRDN(BCStyle.CN, commonName);
        return builder.build();
    }

    private static X509Certificate build(X500Name subject, PublicKey subjectKey, X500Name issuerName, KeyPair issuerKeys,
            KeyAlgorithm issuerAlgorithm, Instant notBefore, Instant notAfter, Role role, EmailCertificateSpec spec) {
        try {
            BigInteger serial = new BigInteger(96, RANDOM).add(BigInteger.ONE);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial,
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            if (role == Role.CA) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                if (spec.keyUsage()) {
                    boolean ec = "EC".equals(subjectKey.getAlgorithm()) || "ECDSA".equals(subjectKey.getAlgorithm());
                    int usage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation
                            | (ec ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment);
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                }
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        spec.emailProtection() ? KeyPurposeId.id_kp_emailProtection : KeyPurposeId.id_kp_serverAuth));
                if (spec.email() != null) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.rfc822Name, spec.email())));
                }
            }
            ContentSigner signer = new JcaContentSignerBuilder(issuerAlgorithm.certificateSignatureAlgorithm())
                    .setProvider(CryptoProvider.get()).build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().setProvider(CryptoProvider.get())
                    .getCertificate(builder.build(signer));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "cannot build certificate for " + subject, e);
        }
    }
}

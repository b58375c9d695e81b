package org.sealmail.app.demo;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertificateAuthority;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.KeyAlgorithm;

/**
 * Issues the TLS server certificate of the in-process demo mail server (RFC 5280: basicConstraints
 * cA false, keyUsage digitalSignature + keyEncipherment, extendedKeyUsage serverAuth, subjectAltName
 * {@code DNS:localhost} and {@code IP:127.0.0.1}) from the demo CA, so clients check the server
 * with full path validation and host-name verification against the CA: no trust-all anywhere.
 */
final class DemoTlsCertificate {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoTlsCertificate() {
    }

    /**
     * @param authority the demo CA
     * @param validity how long from now the certificate is valid
     * @return the server key with its chain (server certificate first, then the CA's chain)
     * @throws CryptoException {@link CryptoFailure#CERTIFICATE} if the certificate cannot be built
     */
    static CertifiedKey issueForLoopback(CertificateAuthority authority, Duration validity) {
        try {
            KeyPair pair = KeyAlgorithm.RSA_2048.generate();
            Instant now = Instant.now();
            X509Certificate issuer = authority.issuer().certificate();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(validity)), new X500Name("CN=localhost,O=Sealmail Demo"), pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            String signature = issuer.getPublicKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signature).build(authority.issuer().privateKey())));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(authority.issuer().chain());
            return new CertifiedKey("localhost", pair.getPrivate(), chain);
        } catch (CertIOException | OperatorCreationException | java.security.cert.CertificateException e) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "cannot issue the demo server's TLS certificate: "
                    + e.getMessage(), e);
        }
    }
}

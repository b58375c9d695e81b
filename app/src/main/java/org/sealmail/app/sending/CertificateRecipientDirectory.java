package org.sealmail.app.sending;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.app.ui.compose.RecipientDirectory;
import org.sealmail.app.ui.compose.RecipientReadiness;
import org.sealmail.crypto.keys.CertificateAddresses;

/**
 * {@link RecipientDirectory} for certificate-based protection: a recipient can be protected for
 * (S/MIME encryption, or a rights template licensed offline by certificate) when a certificate
 * is known that names the address and is valid now.
 */
public final class CertificateRecipientDirectory implements RecipientDirectory {

    private final CertificateLookup certificates;
    private final BiFunction<String, Integer, List<String>> contacts;
    private final Clock clock;
    private final java.util.Optional<java.util.function.BooleanSupplier> rightsServer;

    /**
     * @param certificates correspondents' certificates
     * @param contacts completion: (prefix, limit) to known addresses
     * @param clock the time source for certificate validity
     */
    public CertificateRecipientDirectory(CertificateLookup certificates, BiFunction<String, Integer, List<String>> contacts,
            Clock clock) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rightsServer = java.util.Optional.empty();
    }

    private CertificateRecipientDirectory(CertificateRecipientDirectory base, java.util.function.BooleanSupplier reachable) {
        this.certificates = base.certificates;
        this.contacts = base.contacts;
        this.clock = base.clock;
        this.rightsServer = java.util.Optional.of(reachable);
    }

    /**
     * @param reachable whether the profile's rights server answers now (asked off the FX thread)
     * @return a directory where a recipient without a certificate is ready for a rights template when the rights
     *     server answers (online licensing), and {@code RIGHTS_SERVER_UNAVAILABLE} when it does not; S/MIME
     *     encryption still needs a certificate
     */
    public CertificateRecipientDirectory withOnlineLicensing(java.util.function.BooleanSupplier reachable) {
        return new CertificateRecipientDirectory(this, reachable);
    }

    @Override
    public List<String> complete(String prefix, int limit) {
        return contacts.apply(prefix, limit);
    }

    @Override
    public RecipientReadiness readiness(String address, ProtectionChoice choice) {
        if (!choice.encrypts()) {
            return new RecipientReadiness(address, RecipientReadiness.Status.READY);
        }
        boolean usable = certificates.certificateFor(address).filter(certificate -> CertificateAddresses.matches(certificate, address))
                .filter(certificate -> {
                    java.util.Date now = java.util.Date.from(clock.instant());
                    return !now.before(certificate.getNotBefore()) && !now.after(certificate.getNotAfter());
                }).isPresent();
        if (!usable && rightsServer.isPresent() && choice.templateId().isPresent() && !choice.smimeEncrypt()) {
            return new RecipientReadiness(address, rightsServer.get().getAsBoolean() ? RecipientReadiness.Status.READY
                    : RecipientReadiness.Status.RIGHTS_SERVER_UNAVAILABLE);
        }
        return new RecipientReadiness(address, usable ? RecipientReadiness.Status.READY
                : RecipientReadiness.Status.NO_CERTIFICATE);
    }
}

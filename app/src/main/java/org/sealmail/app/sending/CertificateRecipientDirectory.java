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
        return new RecipientReadiness(address, usable ? RecipientReadiness.Status.READY
                : RecipientReadiness.Status.NO_CERTIFICATE);
    }
}

package org.sealmail.app.rights;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.message.OnlineLicensing;
import org.sealmail.crypto.rights.message.Registration;
import org.sealmail.policy.send.OnlineLicensingPort;

/**
 * The send pipeline's {@link OnlineLicensingPort} over HTTPS for a profile's {@link ProfileRightsSettings}:
 * the rights server's current key (and the key service's, with double key encryption) as listed by
 * {@code GET /api/v1/keys}, and {@code POST /api/v1/messages} for each protected message.
 */
public final class RightsServerRegistrar implements OnlineLicensingPort {

    private final ProfileRightsSettings settings;
    private final RightsServerTransport transport;
    private final Clock clock;

    /**
     * @param settings the profile's rights server (and key service)
     * @param transport the HTTPS transport with the settings' TLS trust
     * @param clock the time source for sender request tokens
     */
    public RightsServerRegistrar(ProfileRightsSettings settings, RightsServerTransport transport, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param settings the profile's settings
     * @param clock the time source
     * @return a registrar with a transport trusting the settings' CA file, or the system trust store
     */
    public static RightsServerRegistrar of(ProfileRightsSettings settings, Clock clock) {
        return new RightsServerRegistrar(settings, RightsServerTransport.create(settings.trust()), clock);
    }

    /** @throws RightsServerProblem if a server cannot be asked */
    @Override
    public OnlineLicensing licensing() {
        ServerKeyCertificate current = client().currentKey();
        Optional<OnlineLicensing.DoubleKeyService> doubleKey = settings.keyService().map(url -> new OnlineLicensing
                .DoubleKeyService(url, new RightsServerClient(transport, url, clock).currentKey().certificate()));
        return new OnlineLicensing(settings.rightsServer(), current.certificate(), doubleKey);
    }

    @Override
    public boolean doubleKey() {
        return settings.keyService().isPresent();
    }

    /** @throws RightsServerProblem if the server refuses or cannot be reached */
    @Override
    public void register(Registration registration, CertifiedKey sender) {
        client().register(registration, sender);
    }

    /**
     * @return true if the rights server answers its key listing now (a recipient without a certificate is then
     *     ready to be licensed online)
     */
    public boolean reachable() {
        try {
            client().currentKey();
            return true;
        } catch (RightsServerProblem e) {
            return false;
        }
    }

    private RightsServerClient client() {
        return new RightsServerClient(transport, settings.rightsServer(), clock);
    }
}

package org.sealmail.app.rights;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.license.DeviceKey;
import org.sealmail.crypto.rights.message.RightsServerLicensing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opener's network side over HTTPS (docs/rights-server-api.md §4-6): requests a passcode, takes it
 * from a {@link PasscodeSource} (the recipient's mailbox or the user), opens a session (kept in memory for
 * this run, per server and licensee, and reused for other messages), and asks for the use license; lists
 * the server's keys over TLS and pins them in the profile ({@link ServerKeyPins}), falling back to the pins
 * when the server cannot be reached; and asks the key service for share B. Server answers map to
 * refusals: {@code REVOKED} to {@link Refusal#REVOKED}, {@code EXPIRED} to {@link Refusal#MESSAGE_EXPIRED},
 * {@code NOT_A_RECIPIENT} and {@code UNKNOWN_MESSAGE} to {@link Refusal#NOT_A_RECIPIENT}, everything else to
 * {@link Refusal#LICENSE_NOT_ISSUED} with the reason code in the message.
 */
public final class OnlineLicenseRequester implements RightsServerLicensing {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineLicenseRequester.class);

    private final RightsServerTransport transport;
    private final PasscodeSource passcodes;
    private final ServerKeyPins pins;
    private final Clock clock;
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    /**
     * @param transport the HTTPS transport
     * @param passcodes where passcodes come from
     * @param pins the profile's pinned server keys
     * @param clock the time source
     */
    public OnlineLicenseRequester(RightsServerTransport transport, PasscodeSource passcodes, ServerKeyPins pins, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.passcodes = Objects.requireNonNull(passcodes, "passcodes");
        this.pins = Objects.requireNonNull(pins, "pins");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String requestUseLicense(URI rightsServer, String contentId, String licensee, DeviceKey device) {
        RightsServerClient client = new RightsServerClient(transport, rightsServer, clock);
        String key = rightsServer + " " + licensee;
        try {
            String session = sessions.get(key);
            if (session != null) {
                try {
                    return client.useLicense(contentId, session, device);
                } catch (RightsServerProblem e) {
                    if (!"SESSION_INVALID".equals(e.reason())) {
                        throw e;
                    }
                    sessions.remove(key);
                }
            }
            Instant expiresAt = client.requestPasscode(contentId, licensee);
            String passcode = passcodes.passcode(contentId, licensee, expiresAt);
            session = client.session(contentId, licensee, passcode);
            sessions.put(key, session);
            return client.useLicense(contentId, session, device);
        } catch (RightsServerProblem e) {
            throw refusal(rightsServer, e);
        }
    }

    @Override
    public List<X509Certificate> serverKeys(URI rightsServer) {
        try {
            List<X509Certificate> keys = new RightsServerClient(transport, rightsServer, clock).keys().stream()
                    .map(ServerKeyCertificate::certificate).toList();
            try {
                pins.remember(rightsServer, keys);
            } catch (IOException e) {
                LOG.warn("cannot pin the keys of {}: {}", rightsServer, e.getMessage());
            }
            return keys;
        } catch (RightsServerProblem e) {
            List<X509Certificate> pinned = pins.pinned(rightsServer);
            if (e.isTransport() && !pinned.isEmpty()) {
                LOG.info("{} unreachable ({}); using its {} pinned key(s)", rightsServer, e.reason(), pinned.size());
                return pinned;
            }
            throw refusal(rightsServer, e);
        }
    }

    @Override
    public String unwrapShareB(URI keyService, String useLicense, DeviceKey device) {
        try {
            return new RightsServerClient(transport, keyService, clock).unwrapShareB(useLicense, device);
        } catch (RightsServerProblem e) {
            throw refusal(keyService, e);
        }
    }

    private static ProtectionRefusedException refusal(URI server, RightsServerProblem problem) {
        String words = server.getHost() + " answered " + problem.reason() + ": " + problem.getMessage();
        return switch (problem.reason()) {
            case "REVOKED" -> new ProtectionRefusedException(Refusal.REVOKED, "the sender revoked this message"
                    + problem.text("revocation_reason").map(reason -> " (" + reason + ")").orElse("") + "; " + words, problem);
            case "EXPIRED" -> new ProtectionRefusedException(Refusal.MESSAGE_EXPIRED, "this message has expired; " + words,
                    problem);
            case "NOT_A_RECIPIENT", "UNKNOWN_MESSAGE" -> new ProtectionRefusedException(Refusal.NOT_A_RECIPIENT, words, problem);
            default -> new ProtectionRefusedException(Refusal.LICENSE_NOT_ISSUED, "no use license: " + words, problem);
        };
    }
}

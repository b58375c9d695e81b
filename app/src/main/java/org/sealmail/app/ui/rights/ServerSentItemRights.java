package org.sealmail.app.ui.rights;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongFunction;
import org.sealmail.app.rights.ProfileRightsSettings;
import org.sealmail.app.rights.RightsServerClient;
import org.sealmail.app.rights.RightsServerTransport;
import org.sealmail.app.ui.opening.KeyMaterial;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.message.ProtectionHeader;

/**
 * {@link SentItemRights} over the rights server's HTTPS API: the stored message's
 * {@code X-Sealmail-Protection} header names the content id and the server (else the profile's), and the
 * own key whose certificate names its From address signs each request.
 */
public final class ServerSentItemRights implements SentItemRights {

    private final LongFunction<byte[]> raw;
    private final KeyMaterial keys;
    private final ProfileRightsSettings settings;
    private final RightsServerTransport transport;
    private final Clock clock;

    /**
     * @param raw the stored message bytes by id
     * @param keys the user's keys
     * @param settings the profile's rights server (and TLS trust)
     * @param clock the time source for request tokens
     */
    public ServerSentItemRights(LongFunction<byte[]> raw, KeyMaterial keys, ProfileRightsSettings settings, Clock clock) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = RightsServerTransport.create(settings.trust());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SentItemState state(long messageId) {
        Target target = target(messageId);
        return new SentItemState(target.client().status(target.contentId(), target.sender()),
                target.client().accessLog(target.contentId(), target.sender()));
    }

    @Override
    public SentItemState revoke(long messageId, Optional<String> reason) {
        Target target = target(messageId);
        return new SentItemState(target.client().revoke(target.contentId(), reason, target.sender()),
                target.client().accessLog(target.contentId(), target.sender()));
    }

    @Override
    public SentItemState changeExpiry(long messageId, Optional<Instant> notAfter) {
        Target target = target(messageId);
        return new SentItemState(target.client().expiry(target.contentId(), notAfter, target.sender()),
                target.client().accessLog(target.contentId(), target.sender()));
    }

    private record Target(RightsServerClient client, String contentId, CertifiedKey sender) {
    }

    private Target target(long messageId) {
        MimeMessage message;
        String from;
        try {
            message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.apply(messageId)));
            Address[] addresses = message.getFrom();
            from = addresses != null && addresses.length > 0 && addresses[0] instanceof InternetAddress internet
                    ? internet.getAddress() : "";
        } catch (MessagingException e) {
            throw new IllegalArgumentException("message " + messageId + " is not readable: " + e.getMessage(), e);
        }
        ProtectionHeader header;
        try {
            header = ProtectionHeader.read(message);
        } catch (org.sealmail.crypto.CryptoException e) {
            throw new IllegalArgumentException("this message is not rights-protected: " + e.getMessage(), e);
        }
        URI server = header.rightsServer().orElseThrow(() -> new IllegalArgumentException(
                "this message was not protected with online licensing: no rights server to ask"));
        CertifiedKey sender = keys.privateKeys().stream()
                .filter(key -> CertificateAddresses.matches(key.certificate(), from)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("none of your keys is for " + from
                        + ", the sender: only the sender can revoke or read the access log"));
        RightsServerTransport chosen = server.equals(settings.rightsServer()) ? transport : RightsServerTransport.create(
                settings.trust());
        return new Target(new RightsServerClient(chosen, server, clock), header.contentId(), sender);
    }
}

package org.sealmail.app.rights;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.license.CertificateReference;
import org.sealmail.crypto.rights.license.DeviceKey;
import org.sealmail.crypto.rights.license.SenderRequestJws;
import org.sealmail.crypto.rights.message.Registration;

/**
 * The client side of the rights server's HTTP API, version 1 (docs/rights-server-api.md): keys,
 * registration, passcode sign-in, use licenses and the sender's status, revocation, expiry and access
 * log (each sender request with a fresh {@code Sealmail-Sender} JWS), and the key service's unwrap.
 * Every refusal is a {@link RightsServerProblem} carrying the server's {@code reason}.
 */
public final class RightsServerClient {

    private final RightsServerTransport transport;
    private final URI server;
    private final Clock clock;

    /**
     * @param transport the HTTPS transport (trust settings)
     * @param server the rights server's (or key service's) base URL, without trailing slash
     * @param clock the time source for {@code iat}
     */
    public RightsServerClient(RightsServerTransport transport, URI server, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.server = Objects.requireNonNull(server, "server");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the base URL */
    public URI server() {
        return server;
    }

    /**
     * {@code GET /api/v1/keys}.
     *
     * @return the server's key certificates, current first as listed
     * @throws RightsServerProblem on refusal, transport failure or an unreadable certificate
     */
    public List<ServerKeyCertificate> keys() {
        JsonMembers json = get("/api/v1/keys", "keys");
        List<ServerKeyCertificate> keys = new ArrayList<>();
        for (JsonMembers key : json.objects("keys")) {
            List<X509Certificate> chain = new ArrayList<>();
            try {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                for (String encoded : key.strings("x5c")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(
                            Base64.getDecoder().decode(encoded))));
                }
            } catch (CertificateException | IllegalArgumentException e) {
                throw json.unexpected("key " + key.optionalString("kid").orElse("?") + " has an unreadable x5c: " + e.getMessage());
            }
            if (chain.isEmpty()) {
                throw json.unexpected("key " + key.optionalString("kid").orElse("?") + " has no x5c certificate");
            }
            String kid = key.string("kid");
            if (!kid.equals(CertificateReference.thumbprint(chain.get(0)))) {
                throw json.unexpected("key " + kid + " is not the x5t#S256 of its certificate");
            }
            keys.add(new ServerKeyCertificate(kid, key.string("alg"), chain, key.bool("current")));
        }
        return keys;
    }

    /**
     * @return the current key (new content keys are wrapped to it)
     * @throws RightsServerProblem if the server lists none
     */
    public ServerKeyCertificate currentKey() {
        return keys().stream().filter(ServerKeyCertificate::current).findFirst().orElseThrow(() -> new RightsServerProblem(
                RightsServerProblem.UNEXPECTED_RESPONSE, 200, server + " lists no current key", Map.of(), null));
    }

    /**
     * {@code POST /api/v1/messages}: registers a message protected with online licensing (idempotent on retry).
     *
     * @param registration what the builder produced
     * @param sender the sender's key (the publishing license's owner)
     * @return the message status
     * @throws RightsServerProblem e.g. {@code NOT_FOR_THIS_SERVER}, {@code ALREADY_REGISTERED}, {@code CONTENT_MISMATCH}
     */
    public MessageStatus register(Registration registration, CertifiedKey sender) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("publishing_license", registration.publishingLicense());
        registration.contentKey().ifPresent(key -> body.put("content_key", key));
        registration.doubleKey().ifPresent(shares -> {
            Map<String, Object> doubleKey = new LinkedHashMap<>();
            doubleKey.put("share_a", shares.shareA());
            doubleKey.put("share_b", shares.shareB());
            doubleKey.put("key_service", shares.keyService().toString());
            body.put("double_key", doubleKey);
        });
        registration.content().ifPresent(blob -> body.put("content", Base64.getEncoder().encodeToString(blob)));
        if (!registration.branding().equals(org.sealmail.crypto.rights.message.Branding.DEFAULT)) {
            body.put("branding", brandingMember(registration.branding()));
        }
        return MessageStatus.read(sender("POST", "/api/v1/messages", registration.contentId(), body, sender, "registration"));
    }

    /**
     * @param branding the wrapper's branding
     * @return the registration's {@code branding} member (docs/rights-server-api.md §3): the web reader shows it
     */
    static Map<String, Object> brandingMember(org.sealmail.crypto.rights.message.Branding branding) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("intro", branding.introText());
        if (!branding.disclaimer().isEmpty()) {
            member.put("disclaimer", branding.disclaimer());
        }
        branding.privacyStatement().ifPresent(url -> member.put("privacy_url", url.toString()));
        branding.logo().ifPresent(logo -> member.put("logo", logo.dataUri()));
        branding.backgroundColour().ifPresent(colour -> member.put("background", colour));
        return member;
    }

    /**
     * {@code POST /api/v1/messages/{cid}/passcode}: has the server mail a one-time passcode to the licensee.
     *
     * @param contentId the content id
     * @param licensee the address
     * @return when the code expires (UTC)
     * @throws RightsServerProblem e.g. {@code NOT_A_RECIPIENT}, {@code REVOKED}, {@code PASSCODE_RATE_LIMITED}
     */
    public Instant requestPasscode(String contentId, String licensee) {
        return post("/api/v1/messages/" + contentId + "/passcode", Map.of("licensee", licensee), Optional.empty(), "passcode")
                .requiredInstant("expires_at");
    }

    /**
     * {@code POST /api/v1/messages/{cid}/session}: submits the passcode (consumes it when right).
     *
     * @param contentId the content id
     * @param licensee the address
     * @param passcode the 8 digits
     * @return the session bearer token
     * @throws RightsServerProblem e.g. {@code PASSCODE_WRONG} (member {@code attempts_left}), {@code PASSCODE_LOCKED}
     */
    public String session(String contentId, String licensee, String passcode) {
        return post("/api/v1/messages/" + contentId + "/session", Map.of("licensee", licensee, "passcode", passcode),
                Optional.empty(), "session").string("session");
    }

    /**
     * {@code POST /api/v1/messages/{cid}/use-license}.
     *
     * @param contentId the content id
     * @param session the session token
     * @param device the device key (its public JWK is sent)
     * @return the use license JWS, compact
     * @throws RightsServerProblem e.g. {@code REVOKED}, {@code EXPIRED}, {@code SESSION_INVALID}, {@code NOT_A_RECIPIENT}
     */
    public String useLicense(String contentId, String session, DeviceKey device) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_key", device.publicJwk());
        body.put("client", transport.clientName());
        return post("/api/v1/messages/" + contentId + "/use-license", body, Optional.of("Bearer " + session), "use-license")
                .string("use_license");
    }

    /**
     * {@code POST {key_service}/api/v1/unwrap} (this client pointed at the key service).
     *
     * @param useLicense the use license from the rights server
     * @param device the device key
     * @return share B as a JWE to the device key
     * @throws RightsServerProblem e.g. {@code USE_LICENSE_INVALID}, {@code DEVICE_KEY_MISMATCH}, {@code EXPIRED}
     */
    public String unwrapShareB(String useLicense, DeviceKey device) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("use_license", useLicense);
        body.put("device_key", device.publicJwk());
        return post("/api/v1/unwrap", body, Optional.empty(), "unwrap").string("share_b");
    }

    /**
     * {@code GET /api/v1/messages/{cid}} (sender).
     *
     * @param contentId the content id
     * @param sender the sender's key
     * @return the status
     * @throws RightsServerProblem e.g. {@code UNKNOWN_MESSAGE}, {@code NOT_THE_SENDER}
     */
    public MessageStatus status(String contentId, CertifiedKey sender) {
        return MessageStatus.read(sender("GET", "/api/v1/messages/" + contentId, contentId, new byte[0], sender, "status"));
    }

    /**
     * {@code POST /api/v1/messages/{cid}/revoke} (sender): later opens are refused; revoking twice keeps the first time.
     *
     * @param contentId the content id
     * @param reason why, at most 500 characters, if given
     * @param sender the sender's key
     * @return the status
     * @throws RightsServerProblem on refusal
     */
    public MessageStatus revoke(String contentId, Optional<String> reason, CertifiedKey sender) {
        Map<String, Object> body = new LinkedHashMap<>();
        reason.ifPresent(words -> body.put("reason", words));
        return MessageStatus.read(sender("POST", "/api/v1/messages/" + contentId + "/revoke", contentId, body, sender, "revoke"));
    }

    /**
     * {@code PUT /api/v1/messages/{cid}/expiry} (sender).
     *
     * @param contentId the content id
     * @param notAfter the new effective expiry; empty for never; a past time expires the message at once
     * @param sender the sender's key
     * @return the status
     * @throws RightsServerProblem on refusal
     */
    public MessageStatus expiry(String contentId, Optional<Instant> notAfter, CertifiedKey sender) {
        // written by hand: a JSON null must be sent for "never", and JSON writers may drop null members
        byte[] body = ("{\"not_after\":" + notAfter.map(at -> Long.toString(at.getEpochSecond())).orElse("null") + "}")
                .getBytes(StandardCharsets.UTF_8);
        return MessageStatus.read(sender("PUT", "/api/v1/messages/" + contentId + "/expiry", contentId, body, sender, "expiry"));
    }

    /**
     * {@code GET /api/v1/messages/{cid}/access-log} (sender).
     *
     * @param contentId the content id
     * @param sender the sender's key
     * @return the access log
     * @throws RightsServerProblem on refusal
     */
    public AccessLog accessLog(String contentId, CertifiedKey sender) {
        return AccessLog.read(sender("GET", "/api/v1/messages/" + contentId + "/access-log", contentId, new byte[0], sender,
                "access-log"));
    }

    private JsonMembers get(String path, String what) {
        return new JsonMembers(transport.exchange("GET", uri(path), new byte[0], Optional.empty()).json(), what);
    }

    private JsonMembers post(String path, Map<String, Object> body, Optional<String> authorization, String what) {
        return new JsonMembers(transport.exchange("POST", uri(path), json(body), authorization).json(), what);
    }

    private JsonMembers sender(String method, String path, String contentId, Map<String, Object> body, CertifiedKey sender,
            String what) {
        return sender(method, path, contentId, json(body), sender, what);
    }

    private JsonMembers sender(String method, String path, String contentId, byte[] bytes, CertifiedKey sender,
            String what) {
        URI uri = uri(path);
        String token = SenderRequestJws.sign(sender, method, uri.getRawPath(), contentId, bytes, clock.instant());
        return new JsonMembers(transport.exchange(method, uri, bytes, Optional.of(SenderRequestJws.SCHEME + " " + token)).json(),
                what);
    }

    private URI uri(String path) {
        return URI.create(server + path);
    }

    private static byte[] json(Map<String, Object> body) {
        return JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
    }
}

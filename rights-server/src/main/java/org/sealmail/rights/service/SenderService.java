package org.sealmail.rights.service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.sealmail.rights.auth.SenderRequest;
import org.sealmail.rights.auth.SenderRequestVerifier;
import org.sealmail.rights.content.ProtectedBlobReader;
import org.sealmail.rights.json.JsonBody;
import org.sealmail.rights.keys.ServerKeyRing;
import org.sealmail.rights.license.LicenseClaims;
import org.sealmail.rights.license.PublishingLicenseReader;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;
import org.sealmail.rights.reader.ReaderBranding;
import org.sealmail.rights.store.AccessLogEntry;
import org.sealmail.rights.store.AccessLogRepository;
import org.sealmail.rights.store.MessageRepository;
import org.sealmail.rights.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What senders do (docs/rights-server-api.md §3 and §7): register a message, read its status,
 * revoke it, change its expiry, read its access log. Every call is authenticated as the
 * message's sender.
 */
public final class SenderService {

    private static final Logger LOG = LoggerFactory.getLogger(SenderService.class);
    private static final int KEY_BYTES = 32;

    private final Clock clock;
    private final String publicUrl;
    private final ServerKeyRing keys;
    private final MessageRepository messages;
    private final AccessLogRepository accessLog;
    private final SenderRequestVerifier senders;
    private final int maxContentBytes;

    /**
     * @param clock time source
     * @param publicUrl this server's public URL, as publishing licenses name it
     * @param keys the server's keys
     * @param messages registered messages
     * @param accessLog the access log
     * @param senders sender request verification
     * @param maxContentBytes largest blob accepted
     */
    public SenderService(Clock clock, URI publicUrl, ServerKeyRing keys, MessageRepository messages,
            AccessLogRepository accessLog, SenderRequestVerifier senders, int maxContentBytes) {
        this.clock = clock;
        this.publicUrl = publicUrl.toString();
        this.keys = keys;
        this.messages = messages;
        this.accessLog = accessLog;
        this.senders = senders;
        this.maxContentBytes = maxContentBytes;
    }

    /**
     * The outcome of a registration.
     *
     * @param message the stored message
     * @param created false for an idempotent retry of an earlier registration
     */
    public record Registration(StoredMessage message, boolean created) {
    }

    /**
     * Registers a message (docs/rights-server-api.md §3, checks 1-6).
     *
     * @param authorization the Authorization header
     * @param method the HTTP method
     * @param path the request path
     * @param body the request body bytes
     * @return the registration
     * @throws RightsProblem with the reason of the first failed check
     */
    public Registration register(Optional<String> authorization, String method, String path, byte[] body) {
        JsonBody json = JsonBody.parse(body);
        PublishingLicenseReader.VerifiedLicense verified = PublishingLicenseReader.verify(json.string("publishing_license"));
        LicenseClaims claims = verified.claims();
        if (claims.rightsServer().isEmpty() || !claims.rightsServer().get().equals(publicUrl)) {
            throw new RightsProblem(ProblemReason.NOT_FOR_THIS_SERVER, "the publishing license names rights server "
                    + claims.rightsServer().orElse("(none)") + ", this server is " + publicUrl);
        }
        senders.verify(authorization, new SenderRequest(method, path, claims.contentId(), body), claims.ownerThumbprint());
        boolean single = json.has("content_key");
        if (single == json.has("double_key")) {
            throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, "give exactly one of 'content_key' and 'double_key'");
        }
        Optional<String> content = json.optionalString("content");
        Optional<String> shareA = Optional.empty();
        Optional<String> shareB = Optional.empty();
        Optional<String> keyService = Optional.empty();
        Optional<String> contentKey = Optional.empty();
        if (single) {
            contentKey = Optional.of(json.string("content_key"));
            byte[] key = unwrapKey(contentKey.get(), "content_key");
            try {
                content.ifPresent(blob -> checkContent(blob, key, claims));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } else {
            JsonBody doubleKey = json.object("double_key");
            if (content.isPresent()) {
                throw new RightsProblem(ProblemReason.CONTENT_WITH_DOUBLE_KEY, "with double key encryption the server never"
                        + " holds the whole content key, so it cannot take 'content' for the web reader");
            }
            shareA = Optional.of(doubleKey.string("share_a"));
            Arrays.fill(unwrapKey(shareA.get(), "double_key.share_a"), (byte) 0);
            shareB = Optional.of(doubleKey.string("share_b"));
            try {
                com.nimbusds.jose.JWEObject.parse(shareB.get());
            } catch (java.text.ParseException e) {
                throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, "double_key.share_b is not a JWE: " + e.getMessage(), e);
            }
            keyService = Optional.of(httpsUrl(doubleKey.string("key_service")));
        }
        Optional<String> branding = json.optionalObject("branding").map(ReaderBranding::parse).map(ReaderBranding::toJson);
        StoredMessage message = new StoredMessage(claims.contentId(), claims.issuer(), claims.ownerThumbprint(), claims.compact(),
                contentKey, shareA, shareB, keyService, content, branding, clock.instant().truncatedTo(ChronoUnit.SECONDS),
                claims.notAfter(), Optional.empty(), Optional.empty());
        if (messages.insert(message)) {
            LOG.info("registered message {} from {} ({})", message.cid(), message.issuer(), single ? "single key" : "double key");
            return new Registration(message, true);
        }
        StoredMessage existing = messages.find(claims.contentId()).orElseThrow();
        if (existing.publishingLicense().equals(claims.compact()) && existing.ownerThumbprint().equals(claims.ownerThumbprint())) {
            return new Registration(existing, false);
        }
        throw new RightsProblem(ProblemReason.ALREADY_REGISTERED, "message " + claims.contentId()
                + " is already registered with another publishing license");
    }

    /**
     * @return the message, after checking the request is signed by its sender
     * @throws RightsProblem UNKNOWN_MESSAGE or a sender authentication reason
     */
    public StoredMessage status(Optional<String> authorization, SenderRequest request) {
        StoredMessage message = messages.find(request.cid()).orElseThrow(() -> unknown(request.cid()));
        senders.verify(authorization, request, message.ownerThumbprint());
        return message;
    }

    /**
     * Revokes a message; later use-license requests and web views are refused.
     *
     * @return the message after revocation
     * @throws RightsProblem UNKNOWN_MESSAGE, MALFORMED_REQUEST or a sender authentication reason
     */
    public StoredMessage revoke(Optional<String> authorization, SenderRequest request) {
        status(authorization, request);
        Optional<String> reason = request.body().length == 0 ? Optional.empty()
                : JsonBody.parse(request.body()).optionalString("reason");
        if (reason.isPresent() && reason.get().length() > 500) {
            throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, "reason is longer than 500 characters");
        }
        messages.revoke(request.cid(), clock.instant(), reason);
        LOG.info("message {} revoked by its sender", request.cid());
        return messages.find(request.cid()).orElseThrow();
    }

    /**
     * Sets the effective expiry ({@code not_after} seconds, or null for never).
     *
     * @return the message after the change
     * @throws RightsProblem UNKNOWN_MESSAGE, MALFORMED_REQUEST or a sender authentication reason
     */
    public StoredMessage setExpiry(Optional<String> authorization, SenderRequest request) {
        status(authorization, request);
        JsonBody json = JsonBody.parse(request.body());
        if (!json.asMap().containsKey("not_after")) {
            throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, "member 'not_after' is missing (a time in seconds or null)");
        }
        Optional<Instant> notAfter = json.optionalLong("not_after").map(Instant::ofEpochSecond);
        messages.setExpiry(request.cid(), notAfter);
        LOG.info("message {} expiry set to {}", request.cid(), notAfter.map(Instant::toString).orElse("never"));
        return messages.find(request.cid()).orElseThrow();
    }

    /**
     * @return the message's access log, oldest first
     * @throws RightsProblem UNKNOWN_MESSAGE or a sender authentication reason
     */
    public List<AccessLogEntry> accessLog(Optional<String> authorization, SenderRequest request) {
        status(authorization, request);
        return accessLog.list(request.cid());
    }

    private byte[] unwrapKey(String jwe, String member) {
        byte[] key = keys.unwrap(jwe);
        if (key.length != KEY_BYTES) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw new RightsProblem(ProblemReason.CONTENT_KEY_INVALID, member + " unwraps to " + length + " bytes, expected "
                    + KEY_BYTES);
        }
        return key;
    }

    private void checkContent(String base64, byte[] key, LicenseClaims claims) {
        byte[] blob;
        try {
            blob = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, "content is not base64: " + e.getMessage(), e);
        }
        if (blob.length > maxContentBytes) {
            throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, "content is " + blob.length + " bytes, more than the "
                    + maxContentBytes + " this server accepts");
        }
        ProtectedBlobReader.OpenedBlob opened = ProtectedBlobReader.open(blob, key);
        if (!opened.contentId().equals(claims.contentId())) {
            throw new RightsProblem(ProblemReason.CONTENT_MISMATCH, "content is message " + opened.contentId()
                    + ", the publishing license is for " + claims.contentId());
        }
        if (!opened.publishingLicense().equals(claims.compact())) {
            throw new RightsProblem(ProblemReason.CONTENT_MISMATCH,
                    "content carries another publishing license than the one registered");
        }
    }

    private static String httpsUrl(String value) {
        try {
            URI uri = new URI(value);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return value;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new RightsProblem(ProblemReason.MALFORMED_REQUEST, "double_key.key_service must be an https URL, not " + value);
    }

    static RightsProblem unknown(String cid) {
        return new RightsProblem(ProblemReason.UNKNOWN_MESSAGE, "no message with content id " + cid + " is registered here");
    }
}

package org.sealmail.rights.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.license.UseLicense;
import org.sealmail.rights.auth.SenderRequestVerifier;
import org.sealmail.rights.config.PasscodePolicy;
import org.sealmail.rights.content.ProtectedBlobReader;
import org.sealmail.rights.keys.ServerKeyRing;
import org.sealmail.rights.license.DeviceKey;
import org.sealmail.rights.license.LicenseClaims;
import org.sealmail.rights.license.PublishingLicenseReader;
import org.sealmail.rights.license.ServerUseLicense;
import org.sealmail.rights.passcode.PasscodeHasher;
import org.sealmail.rights.passcode.PasscodeMailer;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;
import org.sealmail.rights.store.MessageRepository;
import org.sealmail.rights.store.PasscodeRepository;
import org.sealmail.rights.store.SessionRepository;
import org.sealmail.rights.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What recipients do (docs/rights-server-api.md §4, §5, §8): ask for a one-time passcode, trade
 * it for a session, get a use license, read in the web reader. Each check that refuses appends a
 * denied access-log entry with its reason; each grant a granted one.
 */
public final class RecipientService {

    private static final Logger LOG = LoggerFactory.getLogger(RecipientService.class);
    /** The shortest use license issued: long enough to open the message once when it allows 0 offline days. */
    private static final Duration MINIMUM_USE = Duration.ofMinutes(5);

    private final Clock clock;
    private final String publicUrl;
    private final ServerKeyRing keys;
    private final MessageRepository messages;
    private final PasscodeRepository passcodes;
    private final SessionRepository sessions;
    private final AccessLogWriter log;
    private final PasscodeMailer mailer;
    private final PasscodePolicy policy;
    private final Duration sessionTtl;
    private final PasscodeHasher hasher = new PasscodeHasher();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param clock time source
     * @param publicUrl this server's public URL
     * @param keys the server's keys
     * @param messages registered messages
     * @param passcodes passcode state
     * @param sessions recipient sessions
     * @param accessLog the access log
     * @param mailer the passcode relay
     * @param policy passcode policy
     * @param sessionTtl session lifetime
     */
    public RecipientService(Clock clock, java.net.URI publicUrl, ServerKeyRing keys, MessageRepository messages,
            PasscodeRepository passcodes, SessionRepository sessions, org.sealmail.rights.store.AccessLogRepository accessLog,
            PasscodeMailer mailer, PasscodePolicy policy, Duration sessionTtl) {
        this.clock = clock;
        this.publicUrl = publicUrl.toString();
        this.keys = keys;
        this.messages = messages;
        this.passcodes = passcodes;
        this.sessions = sessions;
        this.log = new AccessLogWriter(clock, accessLog);
        this.mailer = mailer;
        this.policy = policy;
        this.sessionTtl = sessionTtl;
    }

    /**
     * A recipient session.
     *
     * @param token the bearer token (never stored; only its SHA-256 is)
     * @param licensee the address it proves
     * @param expiresAt its end
     */
    public record RecipientSession(String token, String licensee, Instant expiresAt) {
    }

    /**
     * A use license issued.
     *
     * @param useLicense the JWS compact serialization
     * @param notAfter its notAfter
     * @param rights the rights granted
     */
    public record IssuedUseLicense(String useLicense, Instant notAfter, UsageRights rights) {
    }

    /**
     * What the web reader shows.
     *
     * @param message the stored message
     * @param licensee the signed-in reader
     * @param rights the reader's rights
     * @param content the inner message (RFC 5322 bytes), verified
     */
    public record WebView(StoredMessage message, String licensee, UsageRights rights, byte[] content) {
    }

    /**
     * Sends a one-time passcode to a licensee of the message.
     *
     * @return when the code expires
     * @throws RightsProblem UNKNOWN_MESSAGE, NOT_A_RECIPIENT, REVOKED, EXPIRED, PASSCODE_LOCKED, PASSCODE_RATE_LIMITED
     *     or MAIL_RELAY_FAILED
     */
    public Instant requestPasscode(String cid, String address, Caller caller) {
        String licensee = LicenseClaims.normalize(address);
        StoredMessage message = messages.find(cid).orElseThrow(() -> SenderService.unknown(cid));
        Instant now = clock.instant();
        checkOpenable(message, licensee, caller, now);
        Optional<PasscodeRepository.PasscodeState> state = passcodes.find(cid, licensee);
        if (state.isPresent() && state.get().lockedUntil().isAfter(now)) {
            throw log.denied(cid, Optional.of(licensee), caller, locked(licensee, state.get().lockedUntil(), now));
        }
        if (passcodes.sendsSince(cid, licensee, now.minus(Duration.ofHours(1))) >= policy.maxSendsPerHour()) {
            throw log.denied(cid, Optional.of(licensee), caller, new RightsProblem(ProblemReason.PASSCODE_RATE_LIMITED,
                    policy.maxSendsPerHour() + " passcodes were sent to " + licensee + " for this message in the last hour",
                    Map.of("retry_after", 3600), null));
        }
        String code = hasher.newCode();
        String salt = hasher.newSalt();
        Instant expiresAt = now.plus(policy.validity()).truncatedTo(ChronoUnit.SECONDS);
        passcodes.replace(cid, licensee, salt, PasscodeHasher.hash(salt, cid, licensee, code), expiresAt);
        passcodes.recordSend(cid, licensee, now);
        try {
            mailer.send(licensee, message.issuer(), cid, code, expiresAt);
        } catch (RightsProblem e) {
            throw log.denied(cid, Optional.of(licensee), caller, e);
        }
        log.granted(cid, licensee, caller, "passcode sent", Optional.empty(), Optional.empty());
        LOG.info("passcode for message {} sent to {}", cid, licensee);
        return expiresAt;
    }

    /**
     * Consumes a passcode and opens a session (the deliberate submit).
     *
     * @return the session
     * @throws RightsProblem UNKNOWN_MESSAGE, NOT_A_RECIPIENT, NO_PASSCODE, PASSCODE_EXPIRED, PASSCODE_WRONG or PASSCODE_LOCKED
     */
    public RecipientSession signIn(String cid, String address, String code, Caller caller) {
        String licensee = LicenseClaims.normalize(address);
        StoredMessage message = messages.find(cid).orElseThrow(() -> SenderService.unknown(cid));
        Instant now = clock.instant();
        if (claims(message).rightsOf(licensee).isEmpty()) {
            throw log.denied(cid, Optional.of(licensee), caller, notRecipient(licensee));
        }
        PasscodeRepository.PasscodeState state = passcodes.find(cid, licensee).orElseThrow(() -> log.denied(cid,
                Optional.of(licensee), caller, noPasscode(licensee)));
        if (state.lockedUntil().isAfter(now)) {
            throw log.denied(cid, Optional.of(licensee), caller, locked(licensee, state.lockedUntil(), now));
        }
        if (state.codeHash().isEmpty() || state.salt().isEmpty()) {
            throw log.denied(cid, Optional.of(licensee), caller, noPasscode(licensee));
        }
        if (!now.isBefore(state.expiresAt())) {
            fail(cid, licensee, now);
            throw log.denied(cid, Optional.of(licensee), caller, new RightsProblem(ProblemReason.PASSCODE_EXPIRED,
                    "the passcode sent to " + licensee + " expired at " + state.expiresAt() + "; ask for a new one"));
        }
        String hash = PasscodeHasher.hash(state.salt().get(), cid, licensee, code.trim());
        if (PasscodeHasher.matches(state.codeHash().get(), hash) && passcodes.consume(cid, licensee, hash)) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            Instant expiresAt = now.plus(sessionTtl).truncatedTo(ChronoUnit.SECONDS);
            sessions.insert(SenderRequestVerifier.sha256(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), licensee,
                    expiresAt);
            log.granted(cid, licensee, caller, "passcode accepted", Optional.empty(), Optional.empty());
            return new RecipientSession(token, licensee, expiresAt);
        }
        int failures = fail(cid, licensee, now);
        if (failures == 0) {
            Instant until = passcodes.find(cid, licensee).map(PasscodeRepository.PasscodeState::lockedUntil).orElse(now);
            throw log.denied(cid, Optional.of(licensee), caller, locked(licensee, until, now));
        }
        throw log.denied(cid, Optional.of(licensee), caller, new RightsProblem(ProblemReason.PASSCODE_WRONG,
                "wrong passcode for " + licensee, Map.of("attempts_left", policy.maxFailures() - failures), null));
    }

    /**
     * Issues a use license to the session's licensee for a device key.
     *
     * @return the signed use license
     * @throws RightsProblem SESSION_INVALID, UNKNOWN_MESSAGE, NOT_A_RECIPIENT, REVOKED, EXPIRED or DEVICE_KEY_UNSUPPORTED
     */
    public IssuedUseLicense issueUseLicense(String cid, Optional<String> sessionToken, Map<String, Object> deviceJwk,
            Caller caller) {
        StoredMessage message = messages.find(cid).orElseThrow(() -> SenderService.unknown(cid));
        String licensee = sessionLicensee(cid, sessionToken, caller);
        Instant now = clock.instant();
        UsageRights rights = checkOpenable(message, licensee, caller, now);
        DeviceKey device;
        try {
            device = DeviceKey.parse(deviceJwk);
        } catch (RightsProblem e) {
            throw log.denied(cid, Optional.of(licensee), caller, e);
        }
        LicenseClaims claims = claims(message);
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant offline = issuedAt.plus(offlinePeriod(claims.offlineDays()));
        Instant notAfter = message.notAfter().filter(expiry -> expiry.isBefore(offline)).orElse(offline);
        byte[] key = keys.unwrap(message.doubleKey() ? message.shareA().orElseThrow() : message.contentKey().orElseThrow());
        String wrapped;
        try {
            wrapped = device.wrap(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        UseLicense license = new UseLicense(cid, claims.issuer(), licensee, device.id(), rights, issuedAt, notAfter, wrapped,
                claims.compact());
        Optional<ServerUseLicense.DoubleKeyShare> share = message.doubleKey()
                ? Optional.of(new ServerUseLicense.DoubleKeyShare(message.shareB().orElseThrow(), message.keyService().orElseThrow()))
                : Optional.empty();
        String jws = ServerUseLicense.sign(license, publicUrl, share, keys.current());
        log.granted(cid, licensee, caller, "use license issued", Optional.of(device.id()), Optional.of(notAfter));
        return new IssuedUseLicense(jws, notAfter, rights);
    }

    /**
     * Opens the message for the web reader; every view is checked and logged.
     *
     * @return what to show
     * @throws RightsProblem SESSION_INVALID, UNKNOWN_MESSAGE, NOT_A_RECIPIENT, REVOKED, EXPIRED or WEB_READER_UNAVAILABLE
     */
    public WebView view(String cid, Optional<String> sessionToken, Caller caller) {
        StoredMessage message = messages.find(cid).orElseThrow(() -> SenderService.unknown(cid));
        String licensee = sessionLicensee(cid, sessionToken, caller);
        UsageRights rights = checkOpenable(message, licensee, caller, clock.instant());
        if (message.content().isEmpty() || message.doubleKey()) {
            throw log.denied(cid, Optional.of(licensee), caller, new RightsProblem(ProblemReason.WEB_READER_UNAVAILABLE,
                    message.doubleKey() ? "this message uses double key encryption: open it in Sealmail"
                            : "the sender did not make this message available on the web: open it in Sealmail"));
        }
        byte[] key = keys.unwrap(message.contentKey().orElseThrow());
        try {
            ProtectedBlobReader.OpenedBlob opened = ProtectedBlobReader.open(Base64.getMimeDecoder().decode(message.content().get()),
                    key);
            log.granted(cid, licensee, caller, "web view", Optional.empty(), Optional.empty());
            return new WebView(message, licensee, rights, opened.content());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * @param cid content id
     * @return the message, for pages shown before sign-in
     * @throws RightsProblem UNKNOWN_MESSAGE
     */
    public StoredMessage message(String cid) {
        return messages.find(cid).orElseThrow(() -> SenderService.unknown(cid));
    }

    private String sessionLicensee(String cid, Optional<String> token, Caller caller) {
        Optional<String> licensee = token.filter(value -> !value.isBlank()).flatMap(value -> sessions.licensee(
                SenderRequestVerifier.sha256(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), clock.instant()));
        if (licensee.isEmpty()) {
            throw log.denied(cid, Optional.empty(), caller, new RightsProblem(ProblemReason.SESSION_INVALID,
                    "no valid session: sign in with a passcode first"));
        }
        return licensee.get();
    }

    private UsageRights checkOpenable(StoredMessage message, String licensee, Caller caller, Instant now) {
        String cid = message.cid();
        UsageRights rights = claims(message).rightsOf(licensee).orElseThrow(() -> log.denied(cid, Optional.of(licensee), caller,
                notRecipient(licensee)));
        if (message.revokedAt().isPresent()) {
            Map<String, Object> extras = new java.util.LinkedHashMap<>();
            extras.put("revoked_at", message.revokedAt().get().getEpochSecond());
            extras.put("revocation_reason", message.revocationReason().orElse(null));
            throw log.denied(cid, Optional.of(licensee), caller, new RightsProblem(ProblemReason.REVOKED,
                    "the sender revoked this message at " + message.revokedAt().get()
                            + message.revocationReason().map(reason -> ": " + reason).orElse(""), extras, null));
        }
        if (message.isExpiredAt(now)) {
            throw log.denied(cid, Optional.of(licensee), caller, new RightsProblem(ProblemReason.EXPIRED,
                    "this message expired at " + message.notAfter().get(),
                    Map.of("not_after", message.notAfter().get().getEpochSecond()), null));
        }
        return rights;
    }

    /**
     * @param offlineDays the publishing license's {@code offline_days}
     * @return how long a use license may be used: those days, but at least {@link #MINIMUM_USE} so that a license of a
     *     message with 0 offline days still opens it once
     */
    static Duration offlinePeriod(int offlineDays) {
        Duration days = Duration.ofDays(offlineDays);
        return days.compareTo(MINIMUM_USE) < 0 ? MINIMUM_USE : days;
    }

    private int fail(String cid, String licensee, Instant now) {
        return passcodes.recordFailure(cid, licensee, now, policy.maxFailures(), policy.lock());
    }

    private static LicenseClaims claims(StoredMessage message) {
        return PublishingLicenseReader.readStored(message.publishingLicense());
    }

    private static RightsProblem notRecipient(String licensee) {
        return new RightsProblem(ProblemReason.NOT_A_RECIPIENT, "this message grants nothing to " + licensee);
    }

    private static RightsProblem noPasscode(String licensee) {
        return new RightsProblem(ProblemReason.NO_PASSCODE, "no passcode is pending for " + licensee + "; ask for one first");
    }

    private static RightsProblem locked(String licensee, Instant until, Instant now) {
        Duration left = Duration.between(now, until);
        long retry = Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
        return new RightsProblem(ProblemReason.PASSCODE_LOCKED, "too many wrong passcodes for " + licensee + ": locked until "
                + until, Map.of("retry_after", retry), null);
    }
}

package org.sealmail.crypto.rights.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.MissingRecipientCertificateException;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.MutableClock;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.license.CertificateReference;
import org.sealmail.crypto.rights.license.ContentKeyShares;
import org.sealmail.crypto.rights.license.ContentKeyWrap;
import org.sealmail.crypto.rights.license.DeviceKey;
import org.sealmail.crypto.rights.license.PublishingLicense;
import org.sealmail.crypto.rights.license.PublishingLicenseJws;
import org.sealmail.crypto.rights.license.RecipientGrant;
import org.sealmail.crypto.rights.license.ServerIssuedLicense;
import org.sealmail.crypto.rights.license.ServerUseLicenseJws;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;

/**
 * Online licensing in the crypto module, with a scripted rights server in the test (the real one is driven
 * over HTTPS by the app's OnlineLicensingIT): online grants, the content-encryption key wrapped to the
 * server, double key encryption (K = A XOR B), and every check on a server-signed use license
 * (docs/rights-server-api.md §5, §6).
 */
class OnlineLicensingTest {

    private static final URI SERVER = URI.create("https://rights.example.test");
    private static final URI KEY_SERVICE = URI.create("https://keys.example.test");

    private final TestPki pki = TestPki.get();
    /** The rights server's key in these tests (RSA), and the key service's (EC P-256). */
    private final CertifiedKey serverKey = pki.carol;
    private final CertifiedKey keyServiceKey = pki.erin;
    private final MutableClock clock = new MutableClock();
    private final DeviceKey device = DeviceKey.generate();

    @Test
    void aRecipientWithoutCertificateGetsAnOnlineGrantAndTheServerTheContentKey() {
        ProtectedMessage message = protect("dan@example.test, bob@example.test", Optional.empty());

        PublishingLicense license = message.publishingLicense();
        assertThat(license.rightsServer()).contains(SERVER);
        assertThat(license.grants()).extracting(RecipientGrant::licensee, RecipientGrant::isOnline)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dan@example.test", true),
                        org.assertj.core.groups.Tuple.tuple("bob@example.test", false));
        String json = PublishingLicenseJws.toJson(license);
        assertThat(json).contains("{\"licensee\":\"dan@example.test\",\"rights\":[\"VIEW\",\"REPLY\",\"REPLYALL\"]}");
        assertThat(PublishingLicenseJws.verify(message.registration().orElseThrow().publishingLicense()).license())
                .isEqualTo(license);

        Registration registration = message.registration().orElseThrow();
        assertThat(registration.doubleKey()).isEmpty();
        assertThat(registration.content()).hasValueSatisfying(blob -> assertThat(blob).isEqualTo(message.blob()));
        byte[] key = ContentKeyWrap.unwrap(registration.contentKey().orElseThrow(), serverKey.privateKey());
        assertThat(key).hasSize(32);
        assertThat(header(registration.contentKey().get())).containsEntry("alg", "RSA-OAEP-256").containsEntry("enc", "A256GCM")
                .containsEntry("kid", CertificateReference.thumbprint(serverKey.certificate()));

        OpenResult bob = new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), clock).open(message.toBytes());
        assertThat(bob.source()).as(bob.reason()).contains(LicenseSource.PRIVATE_KEY);
    }

    @Test
    void withoutOnlineLicensingARecipientWithoutCertificateIsStillRefused() {
        assertThatThrownBy(() -> new ProtectedMessageBuilder(clock).withRightsServer(SERVER).protect(
                TestMessages.message("dan@example.test"), ProtectionTemplate.DO_NOT_FORWARD, pki.alice, List.of()))
                .isInstanceOf(MissingRecipientCertificateException.class).hasMessageContaining("dan@example.test");
    }

    @Test
    void danOpensThroughTheServerAndAgainFromTheCacheUntilTheOfflineLimit() {
        ProtectedMessage message = protect("dan@example.test", Optional.empty());
        ScriptedRightsServer server = new ScriptedRightsServer(message.registration().orElseThrow());
        InMemoryUseLicenseCache cache = new InMemoryUseLicenseCache();
        ProtectedMessageOpener dan = ProtectedMessageOpener.online(device, "dan@example.test", server, cache, clock);

        OpenResult first = dan.open(message.toBytes());
        assertThat(first.status()).as(first.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(first.source()).contains(LicenseSource.RIGHTS_SERVER);
        assertThat(first.notAfter()).contains(clock.instant().plus(Duration.ofDays(30)));
        assertThat(new String(first.content().orElseThrow(), StandardCharsets.UTF_8)).contains("Revenue is up 12 %");

        clock.advance(Duration.ofDays(29));
        OpenResult cached = dan.open(message.toBytes());
        assertThat(cached.source()).contains(LicenseSource.CACHED_USE_LICENSE);
        assertThat(server.issued).isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        OpenResult renewed = dan.open(message.toBytes());
        assertThat(renewed.source()).as("at notAfter the cached license is dead: asked again").contains(LicenseSource.RIGHTS_SERVER);
        assertThat(server.issued).isEqualTo(2);
    }

    @Test
    void withZeroOfflineDaysTheServerLicenseLastsFiveMinutesAndIsNotCached() {
        ProtectionTemplate noOffline = new ProtectionTemplate("view-once", "View once",
                org.sealmail.crypto.rights.UsageRights.of(UsageRight.VIEW), List.of(),
                org.sealmail.crypto.rights.template.Expiry.NEVER, 0);
        ProtectedMessage message = new ProtectedMessageBuilder(clock).withOnlineLicensing(new OnlineLicensing(SERVER,
                serverKey.certificate(), Optional.empty())).protect(TestMessages.message("dan@example.test"), noOffline,
                pki.alice, List.of());
        ScriptedRightsServer server = new ScriptedRightsServer(message.registration().orElseThrow());
        server.validity = Duration.ofSeconds(300);
        server.rights = List.of("VIEW");
        InMemoryUseLicenseCache cache = new InMemoryUseLicenseCache();
        ProtectedMessageOpener dan = ProtectedMessageOpener.online(device, "dan@example.test", server, cache, clock);

        OpenResult opened = dan.open(message.toBytes());
        assertThat(opened.status()).as(opened.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(opened.notAfter()).contains(clock.instant().plusSeconds(300));
        assertThat(cache.find(message.publishingLicense().contentId(), "dan@example.test")).isEmpty();

        server.validity = Duration.ofSeconds(301);
        OpenResult tooLong = dan.open(message.toBytes());
        assertThat(tooLong.refusal()).as(tooLong.reason()).contains(Refusal.ISSUER_MISMATCH);
    }

    @Test
    void doubleKeyEncryptionSplitsTheKeyIntoSharesThatXorToIt() {
        ProtectedMessage message = protect("dan@example.test, bob@example.test", Optional.of(
                new OnlineLicensing.DoubleKeyService(KEY_SERVICE, keyServiceKey.certificate())));
        Registration registration = message.registration().orElseThrow();
        assertThat(registration.contentKey()).isEmpty();
        assertThat(registration.content()).as("no blob for the web reader: the server never holds K").isEmpty();
        Registration.DoubleKeyShares shares = registration.doubleKey().orElseThrow();
        byte[] a = ContentKeyWrap.unwrap(shares.shareA(), serverKey.privateKey());
        byte[] b = ContentKeyWrap.unwrap(shares.shareB(), keyServiceKey.privateKey());
        assertThat(header(shares.shareB())).containsEntry("alg", "ECDH-ES+A256KW");
        assertThat(a).isNotEqualTo(b);
        assertThat(message.publishingLicense().grants()).allSatisfy(grant -> assertThat(grant.isOnline()).isTrue());

        OpenResult bob = new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), clock).open(message.toBytes());
        assertThat(bob.status()).as("only the sender has a RecipientInfo").isEqualTo(OpenStatus.NOT_A_RECIPIENT);
        OpenResult alice = new ProtectedMessageOpener(pki.alice, new InMemoryUseLicenseCache(), clock).open(message.toBytes());
        assertThat(alice.opened()).as(alice.reason()).isTrue();

        ScriptedRightsServer server = new ScriptedRightsServer(registration);
        OpenResult dan = ProtectedMessageOpener.online(device, "dan@example.test", server, new InMemoryUseLicenseCache(), clock)
                .open(message.toBytes());
        assertThat(dan.status()).as(dan.reason()).isEqualTo(OpenStatus.OPENED);

        server.keyServiceAnswers = false;
        OpenResult withShareAOnly = ProtectedMessageOpener.online(DeviceKey.generate(), "dan@example.test", server,
                new InMemoryUseLicenseCache(), clock).open(message.toBytes());
        assertThat(withShareAOnly.status()).isEqualTo(OpenStatus.UNAVAILABLE);
    }

    @Test
    void xorOfSharesIsBytewise() {
        byte[] k = new byte[32];
        byte[] a = new byte[32];
        for (int i = 0; i < 32; i++) {
            k[i] = (byte) 0x0F;
            a[i] = (byte) (i * 8);
        }
        byte[] b = ContentKeyShares.combine(k, a);
        assertThat(b[0]).isEqualTo((byte) 0x0F);
        assertThat(b[31]).isEqualTo((byte) (0x0F ^ 0xF8));
        assertThat(ContentKeyShares.combine(a, b)).isEqualTo(k);
        assertThatThrownBy(() -> ContentKeyShares.combine(new byte[31], a)).isInstanceOf(ProtectionRefusedException.class);
    }

    @Test
    void theDeviceKeyIdIsTheRfc7638Thumbprint() throws Exception {
        ECPublicKey key = (ECPublicKey) device.publicKey();
        java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
        // RFC 7638 §3.2: members crv, kty, x, y in lexicographic order, no whitespace; coordinates as 32 bytes
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + url.encodeToString(fixed(key.getW().getAffineX()))
                + "\",\"y\":\"" + url.encodeToString(fixed(key.getW().getAffineY())) + "\"}";
        String expected = url.encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(device.id()).isEqualTo(expected);
        assertThat(DeviceKey.decode(device.encoded()).id()).isEqualTo(expected);
    }

    @Test
    void aServerLicenseIsRefusedWhenAnythingDoesNotFit() {
        ProtectedMessage message = protect("dan@example.test", Optional.empty());
        String pl = message.registration().orElseThrow().publishingLicense();
        String cid = message.publishingLicense().contentId();

        assertThat(verify(sign(serverKey, license(pl, cid, json -> { })), List.of(serverKey.certificate())).license().licensee())
                .isEqualTo("dan@example.test");
        assertRefused(sign(pki.frank, license(pl, cid, json -> { })), Refusal.LICENSE_ISSUER_UNTRUSTED);
        assertRefused(sign(serverKey, license(pl, cid, json -> json.put("srv", "https://evil.example"))),
                Refusal.LICENSE_ISSUER_UNTRUSTED);
        assertRefused(sign(serverKey, license(pl, cid, json -> json.put("dev", DeviceKey.generate().id()))),
                Refusal.LICENSE_FOR_OTHER_LICENSEE);
        assertRefused(sign(serverKey, license(pl, cid, json -> json.put("cid", "7e3c0a8e-0000-4000-8000-000000000000"))),
                Refusal.LICENSE_FOR_OTHER_MESSAGE);
        assertRefused(sign(serverKey, license(pl, cid, json -> json.put("rights", List.of("VIEW", "REPLY", "REPLYALL", "PRINT")))),
                Refusal.ISSUER_MISMATCH);
        assertRefused(sign(serverKey, license(pl, cid, json -> json.put("sub", "eve@example.test"))), Refusal.ISSUER_MISMATCH);
        assertRefused(sign(serverKey, license(pl, cid, json -> json.put("exp", clock.instant().plus(Duration.ofDays(31))
                .getEpochSecond()))), Refusal.ISSUER_MISMATCH);
        assertRefused(sign(serverKey, license(pl, cid, json -> json.put("exp", clock.instant().getEpochSecond()))),
                Refusal.LICENSE_EXPIRED);
        String valid = sign(serverKey, license(pl, cid, json -> { }));
        String[] parts = valid.split("\\.");
        String edited = parts[0] + "." + com.nimbusds.jose.util.Base64URL.encode(new String(com.nimbusds.jose.util.Base64URL
                .from(parts[1]).decode(), StandardCharsets.UTF_8).replace("\"VIEW\"", "\"PRINT\",\"VIEW\"")) + "." + parts[2];
        assertRefused(edited, Refusal.LICENSE_SIGNATURE_INVALID);
    }

    private void assertRefused(String compact, Refusal refusal) {
        assertThatThrownBy(() -> verify(compact, List.of(serverKey.certificate())))
                .isInstanceOfSatisfying(ProtectionRefusedException.class, e -> assertThat(e.refusal()).as(e.getMessage())
                        .isEqualTo(refusal));
    }

    private ServerIssuedLicense verify(String compact, List<X509Certificate> keys) {
        return ServerUseLicenseJws.verify(compact, protectCid(compact), device, url -> url.equals(SERVER) ? keys : List.of(),
                clock.instant());
    }

    private static String protectCid(String compact) {
        try {
            Map<String, Object> pl = JSONObjectUtils.parse(JWSObject.parse(JSONObjectUtils.getString(
                    JWSObject.parse(compact).getPayload().toJSONObject(), "pl")).getPayload().toString());
            return JSONObjectUtils.getString(pl, "cid");
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> license(String pl, String cid, Consumer<Map<String, Object>> edit) {
        Instant now = clock.instant();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ver", 1);
        json.put("cid", cid);
        json.put("iss", "alice@example.test");
        json.put("sub", "dan@example.test");
        json.put("dev", device.id());
        json.put("rights", List.of("VIEW", "REPLY", "REPLYALL"));
        json.put("iat", now.getEpochSecond());
        json.put("exp", now.plus(Duration.ofDays(30)).getEpochSecond());
        json.put("cek", "not-used-by-verify");
        json.put("pl", pl);
        json.put("srv", SERVER.toString());
        edit.accept(json);
        return json;
    }

    static String sign(CertifiedKey key, Map<String, Object> payload) {
        try {
            List<Base64> chain = new ArrayList<>();
            for (X509Certificate certificate : key.chain()) {
                chain.add(Base64.encode(certificate.getEncoded()));
            }
            JWSAlgorithm alg = key.privateKey() instanceof java.security.interfaces.ECPrivateKey ? JWSAlgorithm.ES384
                    : JWSAlgorithm.RS256;
            JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).type(new JOSEObjectType("sealmail-ul+jws"))
                    .keyID(CertificateReference.thumbprint(key.certificate())).x509CertChain(chain).build(),
                    new Payload(JSONObjectUtils.toJSONString(payload)));
            jws.sign(alg == JWSAlgorithm.RS256 ? new RSASSASigner(key.privateKey())
                    : new com.nimbusds.jose.crypto.ECDSASigner((java.security.interfaces.ECPrivateKey) key.privateKey()));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ProtectedMessage protect(String to, Optional<OnlineLicensing.DoubleKeyService> doubleKey) {
        return new ProtectedMessageBuilder(clock).withOnlineLicensing(new OnlineLicensing(SERVER, serverKey.certificate(),
                doubleKey)).protect(TestMessages.message(to), ProtectionTemplate.DO_NOT_FORWARD, pki.alice,
                List.of(pki.bob.certificate()));
    }

    private static Map<String, Object> header(String jwe) {
        try {
            return com.nimbusds.jose.JWEObject.parse(jwe).getHeader().toJSONObject();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fixed(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    /** A rights server and key service scripted in the test: unwraps with their keys and signs as the server. */
    private final class ScriptedRightsServer implements RightsServerLicensing {
        private final Registration registration;
        int issued;
        boolean keyServiceAnswers = true;
        Duration validity = Duration.ofDays(30);
        List<String> rights = List.of("VIEW", "REPLY", "REPLYALL");

        ScriptedRightsServer(Registration registration) {
            this.registration = registration;
        }

        @Override
        public String requestUseLicense(URI rightsServer, String contentId, String licensee, DeviceKey requester) {
            assertThat(rightsServer).isEqualTo(SERVER);
            issued++;
            byte[] key = registration.contentKey().map(jwe -> ContentKeyWrap.unwrap(jwe, serverKey.privateKey()))
                    .orElseGet(() -> ContentKeyWrap.unwrap(registration.doubleKey().orElseThrow().shareA(), serverKey.privateKey()));
            Instant now = clock.instant();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ver", 1);
            json.put("cid", contentId);
            json.put("iss", "alice@example.test");
            json.put("sub", licensee);
            json.put("dev", requester.id());
            json.put("rights", rights);
            json.put("iat", now.getEpochSecond());
            json.put("exp", now.plus(validity).getEpochSecond());
            json.put("cek", ContentKeyWrap.wrap(key, requester.publicKey(), requester.id()));
            json.put("pl", registration.publishingLicense());
            json.put("srv", SERVER.toString());
            registration.doubleKey().ifPresent(shares -> json.put("dke", Map.of("share_b", shares.shareB(),
                    "key_service", shares.keyService().toString())));
            return sign(serverKey, json);
        }

        @Override
        public List<X509Certificate> serverKeys(URI rightsServer) {
            return List.of(serverKey.certificate());
        }

        @Override
        public String unwrapShareB(URI keyService, String useLicense, DeviceKey requester) {
            if (!keyServiceAnswers) {
                throw new ProtectionRefusedException(Refusal.LICENSE_NOT_ISSUED, "the key service cannot be reached");
            }
            byte[] b = ContentKeyWrap.unwrap(registration.doubleKey().orElseThrow().shareB(), keyServiceKey.privateKey());
            return ContentKeyWrap.wrap(b, requester.publicKey(), requester.id());
        }
    }
}

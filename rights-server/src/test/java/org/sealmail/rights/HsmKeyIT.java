package org.sealmail.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.rights.license.ContentKeyWrap;
import org.sealmail.crypto.rights.license.CertificateReference;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.rights.http.RightsServer;
import org.sealmail.rights.testing.ApiClient;
import org.sealmail.rights.testing.MutableClock;
import org.sealmail.rights.testing.RightsServerFixture;
import org.sealmail.rights.testing.ServerKeys;
import org.sealmail.rights.testing.TestRecipient;
import org.sealmail.rights.testing.TestSender;

/**
 * The server key in an HSM: SoftHSM2 from Debian through the SunPKCS11 provider. The EC P-256 key
 * pair is generated inside the token (a non-extractable private key), certified by the test CA,
 * and the rights server then unwraps content keys (ECDH-ES+A256KW) and signs use licenses (ES256)
 * with it. SoftHSM2 reads {@code SOFTHSM2_CONF}, which the failsafe configuration points at
 * {@code target/softhsm2/softhsm2.conf}; this test writes that file.
 */
class HsmKeyIT {

    private static final String PIN = "246810";
    private static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"));

    @TempDir
    Path dir;

    private GreenMail mail;
    private RightsServer server;

    @BeforeEach
    void startMail() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        mail.stop();
    }

    @Test
    void useLicensesAreIssuedWithAKeyThatNeverLeavesTheToken() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        Path library = LIBRARIES.stream().filter(Files::isReadable).findFirst().orElse(null);
        assumeTrue(conf != null && library != null && Files.isExecutable(Path.of("/usr/bin/softhsm2-util")),
                "softhsm2 from Debian is needed (.ci/run installs it); SOFTHSM2_CONF comes from the failsafe configuration");
        Path tokens = Files.createDirectories(Path.of(conf).getParent().resolve("tokens-" + System.nanoTime()));
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "sealmail-rights",
                "--pin", PIN, "--so-pin", "13579111").redirectErrorStream(true).start();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(init.waitFor()).as(output).isZero();
        Path pkcs11 = dir.resolve("pkcs11.cfg");
        // ECDH-ES needs CKA_DERIVE on the EC private key, and the derived shared secret must be readable (the JOSE
        // Concat KDF runs in the server); the private key itself stays sensitive (docs/rights-server.md, "HSM")
        Files.writeString(pkcs11, "name = SealmailRightsHsm\nlibrary = " + library + "\nslotListIndex = 0\n"
                + "attributes(generate, CKO_PRIVATE_KEY, CKK_EC) = {\n  CKA_DERIVE = true\n  CKA_SIGN = true\n}\n"
                + "attributes(generate, CKO_SECRET_KEY, CKK_GENERIC_SECRET) = {\n  CKA_SENSITIVE = false\n"
                + "  CKA_EXTRACTABLE = true\n}\n");

        X509Certificate certificate = generateKeyInToken(pkcs11);

        int port = RightsServerFixture.freePort();
        String base = "https://localhost:" + port;
        Path config = RightsServerFixture.writeRightsConfig(dir, port, mail.getSmtp().getPort(),
                List.of(ServerKeys.issue("unused", KeyAlgorithm.RSA_2048)), "");
        String text = Files.readString(config).replace("keys.file = keys.p12", "keys.type = PKCS11\nkeys.pkcs11-config = pkcs11.cfg")
                .replace("keys.password-env = RIGHTS_TEST_PASSWORD", "keys.password-env = RIGHTS_TEST_PIN")
                .replace("keys.current = unused", "keys.current = rights-hsm");
        Files.writeString(config, text);
        server = RightsServer.start(org.sealmail.rights.config.RightsServerConfig.read(org.sealmail.rights.config.ConfigFile.read(
                config, Map.of("RIGHTS_TEST_PASSWORD", org.sealmail.rights.testing.TestTls.PASSWORD, "RIGHTS_TEST_PIN", PIN))),
                new MutableClock(Instant.now()));

        TestSender alice = new TestSender(TestPki.get().alice, base, Clock.systemUTC());
        TestSender.Sent sent = alice.protect("bob@example.test", TestPki.get().bob.certificate(), ProtectionTemplate.DO_NOT_FORWARD,
                Clock.systemUTC(), "<p>HSM</p>");
        ApiClient.Response registered = alice.register(sent, certificate, true);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        TestRecipient bob = new TestRecipient("bob@example.test", base, mail);
        ApiClient.Response issued = bob.useLicense(sent.cid(), bob.session(sent.cid()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        JWSObject jws = JWSObject.parse((String) issued.json().get("use_license"));
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jws.getHeader().getKeyID()).isEqualTo(CertificateReference.thumbprint(certificate));
        assertThat(jws.verify(new ECDSAVerifier((ECPublicKey) certificate.getPublicKey()))).isTrue();
        assertThat(ContentKeyWrap.unwrap((String) jws.getPayload().toJSONObject().get("cek"), bob.deviceKey().toPrivateKey()))
                .isEqualTo(sent.contentKey());
    }

    private static X509Certificate generateKeyInToken(Path pkcs11) throws Exception {
        Provider provider = Security.getProvider("SunPKCS11").configure(pkcs11.toString());
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        token.load(null, PIN.toCharArray());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        List<X509Certificate> chain = TestPki.get().root.certify(EmailCertificateSpec.forAddress("rights-hsm@rights.example.test",
                KeyAlgorithm.EC_P256), pair.getPublic());
        token.setKeyEntry("rights-hsm", pair.getPrivate(), null, chain.toArray(new X509Certificate[0]));
        PrivateKey stored = (PrivateKey) token.getKey("rights-hsm", null);
        assertThat(stored.getEncoded()).as("the private key is sensitive: the token never exports it").isNull();
        return chain.get(0);
    }
}

package org.sealmail.crypto.smime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.smime.decrypt.DecryptedEntity;
import org.sealmail.crypto.smime.encrypt.ContentEncryption;
import org.sealmail.crypto.smime.encrypt.EncryptionOptions;
import org.sealmail.crypto.smime.encrypt.KeyTransport;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;

/**
 * Interop with GnuPG's {@code gpgsm} in both directions. gpgsm reads and writes raw CMS, so the
 * MIME wrapper is stripped or not needed. What gpgsm 2.2 (Debian 12: 2.2.40) supports, found
 * here: EnvelopedData with AES-CBC and RSA PKCS#1 v1.5 key transport, both ways. It cannot
 * decrypt AuthEnvelopedData/AES-GCM ("error getting IV: Buffer too short") nor RSA-OAEP key
 * transport ("No secret key"), does not encrypt to EC keys ("Wrong key usage") and crashes
 * importing an EC PKCS#12; those limits are asserted for 2.2 so that a newer gpgsm shows up.
 */
class GpgsmEncryptionInteropIT {

    @TempDir
    static Path home;

    static TestPki pki;
    static Map<String, String> environment;
    static String version;

    @BeforeAll
    static void importBobsKey() throws Exception {
        assumeTrue(PeerTool.available("gpgsm") && PeerTool.available("openssl"), "gpgsm or openssl not installed");
        pki = TestPki.get();
        Path gnupg = home.resolve("gnupg");
        Files.createDirectories(gnupg);
        gnupg.toFile().setReadable(false, false);
        gnupg.toFile().setReadable(true, true);
        gnupg.toFile().setExecutable(false, false);
        gnupg.toFile().setExecutable(true, true);
        Files.writeString(gnupg.resolve("gpg-agent.conf"), "allow-loopback-pinentry\n");
        environment = Map.of("GNUPGHOME", gnupg.toString());
        Matcher matcher = Pattern.compile("gpgsm \\(GnuPG\\) (\\S+)").matcher(gpgsm(null, "--version").out());
        version = matcher.find() ? matcher.group(1) : "unknown";

        Path root = pki.writeRootPem(home);
        Path intermediate = pki.writeIntermediatePem(home);
        Path key = TestPki.writeKeyPem(home, "bob", pki.bob);
        Path cert = TestPki.writeCertPem(home, "bob", pki.bob);
        Path p12 = home.resolve("bob-3des.p12");
        // gpgsm 2.2 rejects the AES/PBKDF2 PKCS#12 that OpenSSL 3 writes by default (FACTS.md)
        PeerTool.run("openssl", "pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(),
                "-certfile", intermediate.toString(), "-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES",
                "-macalg", "sha1", "-passout", "pass:" + TestPki.PASSWORD, "-out", p12.toString()).ok();
        gpgsm(null, "--batch", "--import", root.toString()).ok();
        gpgsm(null, "--batch", "--import", intermediate.toString()).ok();
        gpgsm((TestPki.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8), "--batch", "--pinentry-mode", "loopback",
                "--passphrase-fd", "0", "--import", p12.toString()).ok();
        String fingerprint = java.util.HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest
                .getInstance("SHA-1").digest(CertificateFiles.parse(Files.readAllBytes(root)).get(0).getEncoded()));
        Files.writeString(gnupg.resolve("trustlist.txt"), fingerprint + " S\n");
    }

    @AfterAll
    static void stopAgent() {
        if (environment != null) {
            PeerTool.run(null, environment, null, "gpgconf", "--kill", "gpg-agent");
        }
    }

    @Test
    void gpgsmDecryptsOurEnvelopedDataWithAesCbcAndPkcs1KeyTransport() throws IOException {
        // bob writing to himself: a single RecipientInfo
        byte[] encrypted = SmimeFixtures.encrypt(SmimeFixtures.message(),
                new EncryptionOptions(ContentEncryption.AES_256_CBC, KeyTransport.RSA_PKCS1_V1_5), pki.bob, pki.bob);

        PeerTool.Run run = decryptWithGpgsm(encrypted, "ours-cbc-pkcs1.cms");

        run.ok();
        assertThat(run.stdout()).isEqualTo(SmimeFixtures.innerEntity());
    }

    @Test
    void gpgsmDecryptsOurMessageForSeveralRecipientsButExitsTwoForTheKeysItLacks() throws IOException {
        byte[] encrypted = SmimeFixtures.encrypt(SmimeFixtures.message(),
                new EncryptionOptions(ContentEncryption.AES_256_CBC, KeyTransport.RSA_PKCS1_V1_5), pki.alice, pki.bob);

        PeerTool.Run run = decryptWithGpgsm(encrypted, "ours-cbc-pkcs1-two.cms");

        // gpgsm 2.2 reports the sender's RecipientInfo it cannot use ("failed to find the certificate")
        // with exit status 2, yet decrypts with bob's
        assertThat(run.stdout()).isEqualTo(SmimeFixtures.innerEntity());
        assertThat(run.stderr()).doesNotContain("message decryption failed");
    }

    @Test
    void gpgsm22CannotReadAuthEnvelopedDataOrRsaOaep() throws IOException {
        assumeTrue(version.startsWith("2.2."), "limits checked for gpgsm 2.2 only, this is " + version);
        byte[] gcm = SmimeFixtures.encrypt(SmimeFixtures.message(),
                new EncryptionOptions(ContentEncryption.AES_256_GCM, KeyTransport.RSA_PKCS1_V1_5), pki.alice, pki.bob);
        byte[] oaep = SmimeFixtures.encrypt(SmimeFixtures.message(),
                new EncryptionOptions(ContentEncryption.AES_256_CBC, KeyTransport.RSA_OAEP_SHA256), pki.alice, pki.bob);

        PeerTool.Run gcmRun = decryptWithGpgsm(gcm, "ours-gcm.cms");
        PeerTool.Run oaepRun = decryptWithGpgsm(oaep, "ours-oaep.cms");

        assertThat(gcmRun.exitCode()).isNotZero();
        assertThat(gcmRun.stderr()).contains("Buffer too short");
        assertThat(oaepRun.exitCode()).isNotZero();
        assertThat(oaepRun.stderr()).contains("No secret key");
    }

    @Test
    void weDecryptWhatGpgsmEncrypts() throws IOException {
        Path plain = home.resolve("inner.txt");
        Files.write(plain, SmimeFixtures.innerEntity());
        List<String> reported = new ArrayList<>();
        for (List<String> options : List.of(List.<String>of(), List.of("--cipher-algo", "AES256"), List.of("--armor"))) {
            Path out = home.resolve("gpgsm-" + reported.size() + ".cms");
            List<String> command = new ArrayList<>(List.of("--batch", "--disable-crl-checks", "--disable-policy-checks",
                    "--encrypt", "-r", "bob@example.test", "-o", out.toString()));
            command.addAll(options);
            command.add(plain.toString());
            gpgsm(null, command.toArray(String[]::new)).ok();

            DecryptedEntity decrypted = SmimeFixtures.decrypt(Files.readAllBytes(out), pki.bob);

            assertThat(decrypted.entity()).isEqualTo(SmimeFixtures.innerEntity());
            assertThat(decrypted.result().keyManagement().name()).isEqualTo("RSA PKCS#1 v1.5");
            reported.add(decrypted.result().contentEncryption().name());
        }
        assertThat(reported).containsExactly("AES-128-CBC", "AES-256-CBC", "AES-128-CBC");
    }

    private static PeerTool.Run decryptWithGpgsm(byte[] message, String name) throws IOException {
        String text = new String(message, StandardCharsets.US_ASCII);
        Path cms = home.resolve(name);
        Files.write(cms, Base64.getMimeDecoder().decode(text.substring(text.indexOf("\r\n\r\n") + 4)));
        return gpgsm((TestPki.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8), "--batch", "--pinentry-mode", "loopback",
                "--passphrase-fd", "0", "--decrypt", cms.toString());
    }

    private static PeerTool.Run gpgsm(byte[] stdin, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("gpgsm");
        command.addAll(List.of(arguments));
        return PeerTool.run(null, environment == null ? Map.of() : environment, stdin, command.toArray(String[]::new));
    }
}

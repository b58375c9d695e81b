package org.sealmail.crypto.rights.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.shaded.gson.GsonBuilder;
import com.nimbusds.jose.shaded.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.keys.CertificateAuthority;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;

/**
 * Writes the worked example of docs/protected-message-format.md into docs/examples/protected-message.
 * Not part of the test run (the name matches no surefire pattern); regenerate with
 * {@code ./mvnw -B -o test -pl crypto -Dtest=WorkedExampleGenerator -Dsurefire.failIfNoSpecifiedTests=false},
 * then update the excerpts in the document. {@link WorkedExampleTest} and {@link WorkedExampleIT} check the files.
 */
class WorkedExampleGenerator {

    @Test
    void writeTheWorkedExample() throws Exception {
        Files.createDirectories(WorkedExample.DIR);
        CertificateAuthority root = CertificateAuthority.createRoot("Sealmail Example Root", KeyAlgorithm.RSA_2048);
        CertifiedKey alice = root.issue(EmailCertificateSpec.forAddress("alice@example.test", KeyAlgorithm.RSA_2048)
                .withCommonName("Alice Example"));
        CertifiedKey bob = root.issue(EmailCertificateSpec.forAddress("bob@example.test", KeyAlgorithm.RSA_2048)
                .withCommonName("Bob Example"));
        CertifiedKey erin = root.issue(EmailCertificateSpec.forAddress("erin@example.test", KeyAlgorithm.EC_P256)
                .withCommonName("Erin Example"));
        CertificateFiles.writePem(WorkedExample.file("root-ca.pem"), List.of(root.issuer().certificate()));
        CertificateFiles.writePem(WorkedExample.file("alice.pem"), List.of(alice.certificate()));
        CertificateFiles.writePem(WorkedExample.file("bob.pem"), List.of(bob.certificate()));
        CertificateFiles.writePem(WorkedExample.file("erin.pem"), List.of(erin.certificate()));
        TestPki.writeKeyPem(WorkedExample.DIR, "bob", bob);

        String input = TestMessages.text("Bob Example <bob@example.test>, erin@example.test");
        Files.writeString(WorkedExample.file("message.eml"), input, StandardCharsets.UTF_8);
        ProtectedMessage message = new ProtectedMessageBuilder(Clock.systemUTC()).protect(
                TestMessages.parse(input.getBytes(StandardCharsets.UTF_8)), ProtectionTemplate.DO_NOT_FORWARD, alice,
                List.of(bob.certificate(), erin.certificate()));
        Files.write(WorkedExample.file("protected.eml"), message.toBytes());
        Files.write(WorkedExample.file("message.sealmail"), message.blob());

        String signedData = new String(Tampering.innerSignedData(TestMessages.parse(message.toBytes()), bob),
                StandardCharsets.ISO_8859_1);
        VerifiedContent content = ProtectedContentVerifier.verify(signedData.getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(WorkedExample.file("publishing-license.json"),
                pretty(JWSObject.parse(content.publishingLicense()).getPayload().toString()));

        InMemoryUseLicenseCache cache = new InMemoryUseLicenseCache();
        assertThat(new ProtectedMessageOpener(bob, cache, Clock.systemUTC()).open(message.toBytes()).opened()).isTrue();
        String useLicense = new String(cache.find(message.publishingLicense().contentId(), "bob@example.test")
                .orElseThrow().encoded(), StandardCharsets.US_ASCII);
        Files.writeString(WorkedExample.file("use-license.json"), pretty(JWSObject.parse(useLicense).getPayload().toString()));

        String print = PeerTool.run("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in",
                WorkedExample.file("message.sealmail").toString()).ok().out();
        Files.writeString(WorkedExample.file("openssl-cmsout-print.txt"), elideCiphertext(print));
    }

    /** Replaces the hex dump of encryptedContent (thousands of lines) by one line saying how long it was. */
    private static String elideCiphertext(String print) {
        StringBuilder out = new StringBuilder();
        boolean inCiphertext = false;
        int elided = 0;
        for (String line : print.split("\n", -1)) {
            if (inCiphertext && line.matches("\\s+[0-9a-f]{4,} - .*")) {
                elided++;
                continue;
            }
            if (inCiphertext) {
                out.append("        ... (").append(elided).append(" lines of ciphertext hex dump elided)\n");
                inCiphertext = false;
            }
            out.append(line).append('\n');
            inCiphertext = line.trim().equals("encryptedContent:");
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String pretty(String json) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(JsonParser.parseString(json)) + "\n";
    }
}

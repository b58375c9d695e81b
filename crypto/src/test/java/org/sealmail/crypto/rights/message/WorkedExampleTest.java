package org.sealmail.crypto.rights.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Files;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;

/** The worked example in docs/ is what the code makes: it opens, and its license files match the message. */
class WorkedExampleTest {

    @Test
    void bobOpensTheWorkedExampleAndTheDocumentedLicensesAreItsOwn() throws Exception {
        byte[] wire = Files.readAllBytes(WorkedExample.file("protected.eml"));
        InMemoryUseLicenseCache cache = new InMemoryUseLicenseCache();

        OpenResult result = new ProtectedMessageOpener(WorkedExample.bob(), cache, Clock.systemUTC())
                .withTrustAnchors(CertificateFiles.read(WorkedExample.file("root-ca.pem"))).open(wire);

        assertThat(result.status()).as(result.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(result.content().orElseThrow()).isEqualTo(Files.readAllBytes(WorkedExample.file("message.eml")));
        assertThat(result.rights()).isEqualTo(UsageRights.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL));
        assertThat(ProtectedMimeStructure.parse(TestMessages.parse(wire)).blob())
                .isEqualTo(Files.readAllBytes(WorkedExample.file("message.sealmail")));

        byte[] signedData = Tampering.innerSignedData(TestMessages.parse(wire), WorkedExample.bob());
        String publishingLicense = ProtectedContentVerifier.verify(signedData).publishingLicense();
        assertThat(JSONObjectUtils.parse(JWSObject.parse(publishingLicense).getPayload().toString()))
                .isEqualTo(JSONObjectUtils.parse(Files.readString(WorkedExample.file("publishing-license.json"))));
        String useLicense = new String(cache.find(result.publishingLicense().orElseThrow().contentId(), "bob@example.test")
                .orElseThrow().encoded(), java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(JSONObjectUtils.parse(JWSObject.parse(useLicense).getPayload().toString()).keySet())
                .isEqualTo(JSONObjectUtils.parse(Files.readString(WorkedExample.file("use-license.json"))).keySet());
    }
}

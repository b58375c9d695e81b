package org.sealmail.policy.branding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.rights.message.Branding;
import org.sealmail.crypto.rights.message.BrandingLogo;
import org.sealmail.policy.PolicyFileException;
import org.sealmail.policy.PolicyFileProblem;
import org.sealmail.policy.rules.RulesFiles;

/** Branding files: the documented example and every kind of bad value, with file and line. */
class BrandingFileTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentedExampleReadsWithItsLogo() throws Exception {
        RulesFiles.copyExample(dir);

        BrandingTemplate branding = BrandingFile.read(dir.resolve("contoso.branding"));

        assertThat(branding.name()).isEqualTo("contoso");
        Branding value = branding.branding();
        assertThat(value.introText()).isEqualTo("This message is protected by Contoso Ltd.");
        assertThat(value.disclaimer()).isEqualTo("Confidential: for the addressees only.\n"
                + "If you received it by mistake, please delete it and tell the sender.");
        assertThat(value.privacyStatement()).contains(URI.create("https://contoso.example/privacy"));
        assertThat(value.backgroundColour()).contains("#F3F6FA");
        assertThat(value.logo()).contains(new BrandingLogo(Files.readAllBytes(dir.resolve("contoso-logo.png"))));
        assertThat(value.logo().orElseThrow().mediaType()).isEqualTo("image/png");
    }

    @Test
    void everyBadValueIsReportedWithItsLine() throws Exception {
        Files.write(dir.resolve("big.png"), new byte[BrandingLogo.MAX_BYTES + 1]);
        Files.writeString(dir.resolve("logo.gif"), "GIF89a");
        String text = "name = bad name\nintro =\nprivacy-url = http://contoso.example/privacy\nlogo = missing.png\n"
                + "background = #GGGGGG\ncolour = red\nlogo = big.png\njust text\nname = again\n";

        List<String> problems;
        try {
            BrandingFile.parse(text, "b.branding", dir);
            throw new AssertionError("parsed");
        } catch (PolicyFileException e) {
            problems = e.problems().stream().map(PolicyFileProblem::toString).toList();
        }

        assertThat(problems).containsExactly(
                "b.branding:1: a branding name is letters, digits and . _ - (got 'bad name')",
                "b.branding:2: 'intro' has no value",
                "b.branding:3: the privacy statement URL must be an absolute https:// URL with a host, got"
                        + " 'http://contoso.example/privacy'",
                "b.branding:4: logo file not found: " + dir.resolve("missing.png"),
                "b.branding:5: the background colour must be #RRGGBB (six hexadecimal digits), got '#GGGGGG'",
                "b.branding:6: unknown key 'colour' (expected name, intro, disclaimer, privacy-url, logo, background)",
                "b.branding:7: 'logo' given twice (first on line 4)",
                "b.branding:8: expected 'key = value', got 'just text'",
                "b.branding:9: 'name' given twice (first on line 1)");
    }

    @Test
    void aLogoOverTheLimitOrNotAnImageIsRefused() throws Exception {
        Files.write(dir.resolve("big.png"), new byte[BrandingLogo.MAX_BYTES + 1]);
        Files.writeString(dir.resolve("logo.gif"), "GIF89a");

        assertThat(problemsOf("name = x\nlogo = big.png\n")).containsExactly("b:2: the logo " + dir.resolve("big.png")
                + " has 65537 bytes; at most 65536 (64 KiB) are allowed");
        assertThat(problemsOf("name = x\nlogo = logo.gif\n")).containsExactly("b:2: the logo is neither a PNG nor a JPEG image");
        assertThat(problemsOf("intro = hi\n")).containsExactly("b: missing 'name = ...'");
    }

    private List<String> problemsOf(String text) {
        try {
            BrandingFile.parse(text, "b", dir);
            throw new AssertionError("parsed");
        } catch (PolicyFileException e) {
            return e.problems().stream().map(PolicyFileProblem::toString).toList();
        }
    }
}

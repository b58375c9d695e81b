package org.sealmail.crypto.rights.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.MutableClock;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;

/** The readable wrapper in {@link Branding#DEFAULT} and in a custom branding. */
class BrandedWrapperTest {

    private static final String SENDER = "Alice Example <alice@example.test>";

    private final TestPki pki = TestPki.get();
    private final MutableClock clock = new MutableClock();

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Branding contoso() throws Exception {
        return Branding.DEFAULT.withIntroText("This message is protected by Contoso Ltd.")
                .withDisclaimer("Confidential: for the addressees only.\nIf you received it by mistake, delete it.")
                .withPrivacyStatement(URI.create("https://contoso.example/privacy")).withLogo(new BrandingLogo(png()))
                .withBackgroundColour("#f3f6fa");
    }

    @Test
    void theDefaultBrandingWritesExactlySealmailsPlainWrapper() {
        ProtectedMimeStructure.Wrapper wrapper = ProtectedMimeStructure.Wrapper.of(SENDER, Optional.empty(), Branding.DEFAULT);

        // the texts of docs/protected-message-format.md, "Worked example", unchanged by branding support
        assertThat(wrapper.text()).isEqualTo("This message is protected with Sealmail.\r\n\r\n"
                + "From: Alice Example <alice@example.test>\r\n\r\n"
                + "Only the recipients it was sent to can open it, in Sealmail, with their own key.\r\n");
        assertThat(wrapper.html()).isEqualTo("<!DOCTYPE html>\r\n<html><head><meta charset=\"utf-8\"><title>Protected message"
                + "</title></head>\r\n<body>\r\n<p><strong>This message is protected with Sealmail.</strong></p>\r\n"
                + "<p>From: Alice Example &lt;alice@example.test&gt;</p>\r\n"
                + "<p>Only the recipients it was sent to can open it, in Sealmail, with their own key.</p>\r\n"
                + "</body></html>\r\n");
    }

    @Test
    void aBrandedWrapperShowsIntroDisclaimerPrivacyLinkLogoAndColour() throws Exception {
        ProtectedMimeStructure.Wrapper wrapper = ProtectedMimeStructure.Wrapper.of(SENDER, Optional.empty(), contoso());

        assertThat(wrapper.text()).startsWith("This message is protected by Contoso Ltd.\r\n\r\nFrom: " + SENDER)
                .contains("\r\nConfidential: for the addressees only.\r\nIf you received it by mistake, delete it.\r\n")
                .endsWith("\r\nPrivacy statement: https://contoso.example/privacy\r\n");
        assertThat(wrapper.html())
                .contains("<div style=\"background-color:#F3F6FA;padding:16px\">")
                .contains("<p><img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png()) + "\" alt=\"\"")
                .contains("<p><strong>This message is protected by Contoso Ltd.</strong></p>")
                .contains("<p><small>Confidential: for the addressees only.<br>\r\nIf you received it by mistake, delete it."
                        + "</small></p>")
                .contains("<p><a href=\"https://contoso.example/privacy\">Privacy statement</a></p>")
                .endsWith("</div>\r\n</body></html>\r\n");
    }

    @Test
    void brandingTextCannotInjectMarkup() {
        Branding hostile = Branding.DEFAULT.withIntroText("<script>alert(1)</script> & more")
                .withDisclaimer("\"><img src=x onerror=alert(1)>");

        String html = ProtectedMimeStructure.Wrapper.of(SENDER, Optional.empty(), hostile).html();

        assertThat(html).doesNotContain("<script").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void invalidBrandingValuesAreRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> Branding.DEFAULT.withBackgroundColour("red")).hasMessageContaining("#RRGGBB");
        assertThatThrownBy(() -> Branding.DEFAULT.withBackgroundColour("#12345")).hasMessageContaining("#RRGGBB");
        assertThatThrownBy(() -> Branding.DEFAULT.withBackgroundColour("#123456;x:y")).hasMessageContaining("#RRGGBB");
        assertThatThrownBy(() -> Branding.DEFAULT.withPrivacyStatement(URI.create("http://contoso.example/privacy")))
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> Branding.DEFAULT.withPrivacyStatement(URI.create("javascript:alert(1)")))
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> Branding.DEFAULT.withIntroText("  ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Branding.DEFAULT.withIntroText("one\ntwo")).hasMessageContaining("one line");
        assertThatThrownBy(() -> new BrandingLogo("GIF89a....".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("neither a PNG nor a JPEG");
        byte[] large = new byte[BrandingLogo.MAX_BYTES + 1];
        System.arraycopy(png(), 0, large, 0, 8);
        assertThatThrownBy(() -> new BrandingLogo(large)).hasMessageContaining("65537 bytes; at most 65536");
        assertThat(new BrandingLogo(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}).mediaType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void aBrandedProtectedMessageOpensAndItsBrandingIsCoveredByTheWrapperDigest() throws Exception {
        ProtectedMessage message = new ProtectedMessageBuilder(clock).withBranding(contoso())
                .protect(TestMessages.message("bob@example.test"), ProtectionTemplate.ENCRYPT, pki.alice,
                        List.of(pki.bob.certificate()));
        MimeMessage outer = TestMessages.parse(message.toBytes());
        MimeMultipart alternative = (MimeMultipart) ((MimeMultipart) outer.getContent()).getBodyPart(0).getContent();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("protected by Contoso Ltd.");

        OpenResult opened = new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), clock).open(message.toBytes());
        assertThat(opened.status()).as(opened.reason()).isEqualTo(OpenStatus.OPENED);

        byte[] altered = new String(message.toBytes(), StandardCharsets.US_ASCII).replace("Contoso Ltd.", "Contoso Plc.")
                .getBytes(StandardCharsets.US_ASCII);
        OpenResult tampered = new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), clock).open(altered);
        assertThat(tampered.refusal()).contains(Refusal.WRAPPER_ALTERED);
    }
}

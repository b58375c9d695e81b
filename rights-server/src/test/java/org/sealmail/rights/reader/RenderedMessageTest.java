package org.sealmail.rights.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The web reader shows every displayable part, each on its own, and lists the rest. */
class RenderedMessageTest {

    private static RenderedMessage render(String mime) {
        return RenderedMessage.of(mime.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void twoInlineTextPartsAreBothShownInOrder() {
        RenderedMessage rendered = render("From: alice@example.test\nSubject: Parts\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nPART ONE\n"
                + "--b\nContent-Type: text/plain\n\nPART TWO\n--b\nContent-Type: text/html\n\n<p onclick=\"x()\">PART <b>THREE</b></p>"
                + "<script>alert(1)</script>\n--b\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0=\n--b--\n");

        assertThat(rendered.bodyHtml()).containsSubsequence("PART ONE", "<hr class=\"part\">", "PART TWO",
                "<hr class=\"part\">", "PART <b>THREE</b>").doesNotContain("onclick").doesNotContain("script");
        assertThat(rendered.attachments()).containsExactly("(unnamed part, image/png)");
    }

    @Test
    void ofAlternativesTheHtmlIsShownOnce() {
        RenderedMessage rendered = render("From: alice@example.test\nSubject: Alt\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/alternative; boundary=a\n\n--a\nContent-Type: text/plain\n\nplain version\n"
                + "--a\nContent-Type: text/html\n\n<p>html version</p>\n--a--\n");

        assertThat(rendered.bodyHtml()).contains("html version").doesNotContain("plain version");
    }
}

package org.sealmail.app.ui.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sealmail.app.ui.reader.InlineImage;

class HtmlSanitizerTest {

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void dropsScriptsFramesFormsObjectsAndEventHandlers() {
        SanitizedHtml html = sanitizer.sanitize("<p onclick=\"steal()\">Hi</p><script>alert(1)</script>"
                + "<iframe src=\"https://x.example/\"></iframe><form action=\"https://x.example\"><input name=a></form>"
                + "<object data=\"a.swf\"></object><embed src=\"b\"><a href=\"javascript:alert(1)\">j</a>"
                + "<img src=\"x\" onerror=\"alert(1)\">", Map.of());

        assertThat(html.bodyHtml()).isEqualTo("<p>Hi</p><a>j</a><img>");
    }

    @Test
    void dropsLinkMetaAndBaseFromTheHead() {
        SanitizedHtml html = sanitizer.sanitize("<html><head><link rel=stylesheet href=\"https://x.example/a.css\">"
                + "<meta http-equiv=refresh content=\"0;url=https://x.example\"><base href=\"https://x.example/\">"
                + "<style>p{color:red}</style></head><body><p>t</p></body></html>", Map.of());

        assertThat(html.bodyHtml()).isEqualTo("<style>p{color:red}</style><p>t</p>");
        assertThat(html.referencesRemoteContent()).isFalse();
    }

    @Test
    void inlinesContentIdImagesAsDataUris() {
        SanitizedHtml html = sanitizer.sanitize("<img src=\"cid:logo@example\"><img src=\"cid:missing\">",
                Map.of("logo@example", new InlineImage("image/png", new byte[] {1, 2, 3})));

        assertThat(html.bodyHtml()).isEqualTo("<img src=\"data:image/png;base64,AQID\"><img>");
        assertThat(html.referencesRemoteContent()).isFalse();
    }

    @Test
    void collectsTheOriginsOfEveryRemoteReferenceThatSurvives() {
        SanitizedHtml html = sanitizer.sanitize("<img src=\"http://a.example/x.png\">"
                + "<img srcset=\"https://b.example/1.png 1x, https://c.example:8443/2.png 2x\">"
                + "<div style=\"background:url('//d.example/bg.png')\">d</div>"
                + "<style>@import 'http://e.example/i.css'; p{background-image:url(HTTP://F.example:81/p.png)}</style>",
                Map.of());

        assertThat(html.remoteOrigins()).containsExactlyInAnyOrder(URI.create("http://a.example:80"),
                URI.create("https://b.example:443"), URI.create("https://c.example:8443"),
                URI.create("https://d.example:443"), URI.create("http://e.example:80"), URI.create("http://f.example:81"));
    }
}

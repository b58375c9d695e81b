package org.sealmail.policy.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** MIME walking, transfer decoding, charsets and HTML to text. */
class MessageContentExtractorTest {

    static MimeMessage parse(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static final String HEADERS = "From: alice@example.com\nTo: Bob <Bob@Partner.example>\nCc: carol@example.com\n"
            + "Bcc: dave@elsewhere.example\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\nMIME-Version: 1.0\n";

    @Test
    void quotedPrintableSoftBreaksAndCharsetsAreDecoded() throws Exception {
        MessageContent content = MessageContentExtractor.extract(parse(HEADERS
                + "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "K=E4se 4111 11=\n11 1111 1111\n"));

        assertThat(content.subject()).isEqualTo("Grüße");
        assertThat(content.recipients()).containsExactly("bob@partner.example", "carol@example.com", "dave@elsewhere.example");
        assertThat(content.sections()).singleElement().satisfies(section -> {
            assertThat(section.kind()).isEqualTo(SectionKind.BODY);
            assertThat(section.text()).isEqualTo("Käse 4111 1111 1111 1111\r\n");
        });
    }

    @Test
    void htmlBecomesVisibleTextWithoutScriptsStylesOrLinkTargets() throws Exception {
        MessageContent content = MessageContentExtractor.extract(parse(HEADERS
                + "Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
                + java.util.Base64.getMimeEncoder().encodeToString(("<html><head><style>p{color:red}</style>"
                        + "<script>var card='5555555555554444'</script></head><body><p>Card&nbsp;&amp;&#32;IBAN</p>"
                        + "<p><a href=\"https://x.example/4111111111111111\">link</a></p><table><tr><td>a</td><td>b</td>"
                        + "</tr></table><pre>line 1\nline 2</pre></body></html>").getBytes(StandardCharsets.UTF_8)) + "\n"));

        String text = content.sections().get(0).text();
        assertThat(text).contains("Card & IBAN").contains("link").contains("\ta\tb").contains("line 1\nline 2")
                .doesNotContain("5555555555554444").doesNotContain("4111111111111111").doesNotContain("color");
    }

    @Test
    void noBreakSpacesGroupDigitsLikeSpacesAndACsvIsTextWhateverItsType() throws Exception {
        MessageContent content = MessageContentExtractor.extract(parse(HEADERS
                + "Content-Type: multipart/mixed; boundary=outer\n\n"
                + "--outer\nContent-Type: text/html; charset=UTF-8\n\n<p>card 4111&nbsp;1111&nbsp;1111&nbsp;1111</p>\n"
                + "--outer\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
                + java.util.Base64.getMimeEncoder().encodeToString("IBAN DE89\u202f3704\u00a00440".getBytes(StandardCharsets.UTF_8))
                + "\n--outer\nContent-Type: application/vnd.ms-excel; name=data.csv\n"
                + "Content-Disposition: attachment; filename=data.csv\n\nname,card\nx,5555555555554444\n--outer--\n"));

        assertThat(content.sections()).extracting(section -> section.text().strip())
                .containsExactly("card 4111 1111 1111 1111", "IBAN DE89 3704 0440", "name,card\r\nx,5555555555554444");
    }

    @Test
    void alternativesShareAGroupAndAttachmentsAreListed() throws Exception {
        MessageContent content = MessageContentExtractor.extract(parse(HEADERS
                + "Content-Type: multipart/mixed; boundary=outer\n\n"
                + "--outer\nContent-Type: multipart/alternative; boundary=alt\n\n"
                + "--alt\nContent-Type: text/plain\n\nplain body\n"
                + "--alt\nContent-Type: text/html\n\n<p>html body</p>\n--alt--\n"
                + "--outer\nContent-Type: text/csv; name=list.csv\nContent-Disposition: attachment; filename=list.csv\n"
                + "Content-Transfer-Encoding: base64\n\nYSxiCjEsMgo=\n"
                + "--outer\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"Report Q1.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\nJVBERi0=\n"
                + "--outer\nContent-Type: application/octet-stream; name=notes.txt\nContent-Transfer-Encoding: base64\n\n"
                + "bm90ZXM=\n--outer--\n"));

        assertThat(content.sections()).extracting(TextSection::kind, TextSection::text, TextSection::group,
                TextSection::alternative).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SectionKind.BODY, "plain body", 0, 0),
                        org.assertj.core.groups.Tuple.tuple(SectionKind.BODY, "html body", 0, 1),
                        org.assertj.core.groups.Tuple.tuple(SectionKind.ATTACHMENT, "a,b\n1,2\n", 1, 0),
                        org.assertj.core.groups.Tuple.tuple(SectionKind.ATTACHMENT, "notes", 2, 0));
        assertThat(content.attachments()).containsExactly(new AttachmentFacts("list.csv", "text/csv"),
                new AttachmentFacts("Report Q1.pdf", "application/pdf"),
                new AttachmentFacts("notes.txt", "application/octet-stream"));
        assertThat(content.body()).hasSize(2);
    }

    @Test
    void anAttachedMessageIsReadWithItsSubject() throws Exception {
        MessageContent content = MessageContentExtractor.extract(parse(HEADERS
                + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee below\n"
                + "--b\nContent-Type: message/rfc822\nContent-Disposition: attachment\n\n"
                + "Subject: inner subject\nContent-Type: text/plain\n\ninner body\n--b--\n"));

        assertThat(content.sections()).extracting(TextSection::text)
                .containsExactly("see below", "inner subject", "inner body"); // the CRLF before a boundary is the boundary's (RFC 2046 §5.1.1)
        assertThat(content.sections().get(2).kind()).isEqualTo(SectionKind.ATTACHMENT);
    }

    @Test
    void anUnknownCharsetIsReadAsUtf8RatherThanSkipped() throws Exception {
        MessageContent content = MessageContentExtractor.extract(parse(HEADERS
                + "Content-Type: text/plain; charset=x-unknown-42\n\nSSN 536-22-8726\n"));

        assertThat(content.sections().get(0).text()).isEqualTo("SSN 536-22-8726\r\n");
    }

    @Test
    void aBrokenMultipartIsReportedAsUnreadable() throws Exception {
        MimeMessage message = parse(HEADERS + "Content-Type: multipart/mixed\n\nno boundary parameter\n");

        assertThatThrownBy(() -> MessageContentExtractor.extract(message)).isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("cannot be read as MIME");
    }
}

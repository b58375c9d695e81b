package org.sealmail.mailstore.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.mailstore.TestResources;

class MessageParserTest {

    private final MessageParser parser = new MessageParser();

    @Test
    void readsTheEnvelopeOfARealMessage() {
        // james-mime4j/mbox.rlug-1: a reply on the rlug list (values read off the file)
        ParsedMessage parsed = parser.parse(TestResources.bytes("james-mime4j/mbox.rlug-1"));
        assertThat(parsed.subject()).isEqualTo("Re: RH 8.0 boot floppy");
        assertThat(parsed.from()).containsExactly(new MailAddress("lonely wolf", "wolfy@pcnet.ro"));
        assertThat(parsed.messageId()).isEqualTo("3E43EB00.7040006@pcnet.ro");
        assertThat(parsed.references()).containsExactly("3E43BB6D.8080601@myrealbox.com", "3E43BC3C.4050608@apsro.com",
                "3E43BE1C.9020602@myrealbox.com", "3E43BEC3.5060903@apsro.com");
        assertThat(parsed.sentDate()).isEqualTo(Instant.parse("2003-02-07T17:21:04Z"));
        assertThat(parsed.parseWarning()).isNull();
        assertThat(parsed.protection()).isEqualTo(MessageProtection.NONE);
        assertThat(parsed.bodyText()).isNotBlank();
    }

    @Test
    void decodesEncodedWordsAndReadsReferencesInOrder() {
        String raw = "From: =?UTF-8?B?SsO8cmdlbg==?= <juergen@example.test>\n"
                + "To: a@example.test, \"B, Bea\" <b@example.test>\n"
                + "Cc: c@example.test\n"
                + "Subject: =?ISO-8859-1?Q?Gr=FC=DFe?=\n"
                + "Message-ID: <3@example.test>\n"
                + "In-Reply-To: <2@example.test>\n"
                + "References: <1@example.test>\n <2@example.test>\n"
                + "Date: Tue, 7 Apr 2026 10:00:01 +0200\n\nHallo\n";
        ParsedMessage parsed = parser.parse(raw.getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed.from()).containsExactly(new MailAddress("Jürgen", "juergen@example.test"));
        assertThat(parsed.to()).containsExactly(new MailAddress(null, "a@example.test"), new MailAddress("B, Bea", "b@example.test"));
        assertThat(parsed.cc()).containsExactly(new MailAddress(null, "c@example.test"));
        assertThat(parsed.subject()).isEqualTo("Grüße");
        assertThat(parsed.messageId()).isEqualTo("3@example.test");
        assertThat(parsed.references()).containsExactly("1@example.test", "2@example.test");
        assertThat(parsed.inReplyTo()).isEqualTo("2@example.test");
        assertThat(parsed.parentIds()).containsExactly("1@example.test", "2@example.test");
        assertThat(parsed.sentDate()).isEqualTo(Instant.parse("2026-04-07T08:00:01Z"));
        assertThat(parsed.bodyText()).isEqualTo("Hallo");
    }

    @Test
    void withoutReferencesTheParentIsInReplyTo() {
        ParsedMessage parsed = parser.parse("Subject: x\nIn-Reply-To: <p@example.test> (sent by x)\n\nbody\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed.parentIds()).containsExactly("p@example.test");
    }

    @Test
    void describesTheMimeStructure() {
        ParsedMessage parsed = parser.parse(TestResources.bytes("stalwart-mail-parser/malformed/015.eml"));
        assertThat(parsed.mimeStructure()).isEqualTo("multipart/signed(text/plain,application/pgp-signature)");
    }

    @Test
    void seesSmimeEncryptionAndNeverReturnsItsText() {
        // Thunderbird's test messages: enveloped-data (smime.p7m) and two enveloped parts
        assertThat(parser.parse(TestResources.bytes("thunderbird-smime/alice.env.eml")))
                .satisfies(p -> {
                    assertThat(p.protection()).isEqualTo(MessageProtection.SMIME_ENCRYPTED);
                    assertThat(p.bodyText()).isNull();
                    assertThat(p.subject()).isEqualTo("enveloped "); // sic, with the trailing space
                });
        assertThat(parser.parse(TestResources.bytes("thunderbird-smime/multipart-alternative.eml")).protection())
                .isEqualTo(MessageProtection.SMIME_ENCRYPTED);
    }

    @Test
    void seesSmimeSignaturesAsNotConfidential() {
        ParsedMessage detached = parser.parse(TestResources.bytes("thunderbird-smime/alice.dsig.SHA256.multipart.eml"));
        assertThat(detached.protection()).isEqualTo(MessageProtection.SMIME_SIGNED);
        assertThat(detached.bodyText()).isNotBlank();
        assertThat(parser.parse(TestResources.bytes("thunderbird-smime/alice.sig.SHA256.opaque.eml")).protection())
                .isEqualTo(MessageProtection.SMIME_SIGNED);
    }

    @Test
    void seesASealmailProtectedMessageAndDropsEvenItsWrapperText() {
        ParsedMessage parsed = parser.parse(org.sealmail.mailstore.StoreFixture.sealmailProtected("wrapper words quokka"));
        assertThat(parsed.protection()).isEqualTo(MessageProtection.SEALMAIL_PROTECTED);
        assertThat(parsed.bodyText()).isNull();
        assertThat(parsed.subject()).isEqualTo("Quarterly numbers");
    }

    @Test
    void neverAcceptsBodyTextForAProtectedMessage() {
        assertThatThrownBy(() -> new ParsedMessage(null, "s", List.of(), List.of(), List.of(), null, null, List.of(), "x",
                MessageProtection.SMIME_ENCRYPTED, "decrypted text", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void indexesHtmlAsTextWhenThereIsNoPlainText() {
        String raw = "Subject: h\nContent-Type: text/html; charset=us-ascii\n\n<html><body><p>Hello <b>bold</b> world</p>"
                + "<script>ignored()</script></body></html>\n";
        assertThat(parser.parse(raw.getBytes(StandardCharsets.US_ASCII)).bodyText()).isEqualTo("Hello bold world");
    }

    @Test
    void indexesAnHtmlPartThatIsNotAnAlternativeOfAPlainOne() {
        // the shape of SpamAssassin corpus message <000017883573$000063da$00002752@btamail.net.cn>: the whole text is
        // in a text/html part of multipart/mixed, followed by a text/plain footer added by a mail server
        String raw = "Subject: s\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"m\"\n\n"
                + "--m\nContent-Type: text/html; charset=iso-8859-1\n\n<p><b>Viagra</b> is available online</p>\n"
                + "--m\nContent-Type: text/plain\nContent-Disposition: inline\n\nThis message was sent using a trial version\n"
                + "--m--\n";
        assertThat(parser.parse(raw.getBytes(StandardCharsets.US_ASCII)).bodyText())
                .isEqualTo("Viagra is available online\nThis message was sent using a trial version");
    }

    @Test
    void indexesOnlyThePlainTextOfAnAlternativeEvenWhenTheHtmlIsNestedDeeper() {
        String raw = "Subject: s\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"a\"\n\n"
                + "--a\nContent-Type: text/plain\n\nplain words\n"
                + "--a\nContent-Type: multipart/related; boundary=\"r\"\n\n"
                + "--r\nContent-Type: text/html\n\n<p>html words</p>\n--r--\n"
                + "--a--\n";
        assertThat(parser.parse(raw.getBytes(StandardCharsets.US_ASCII)).bodyText()).isEqualTo("plain words");
    }

    @Test
    void neverThrowsOnGarbage() {
        ParsedMessage parsed = parser.parse(new byte[] {0, 1, 2, (byte) 0xff, '\n', ':', '\n'});
        assertThat(parsed.parseWarning()).contains("does not start with a header field");
    }
}

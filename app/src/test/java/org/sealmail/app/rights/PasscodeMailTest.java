package org.sealmail.app.rights;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The passcode mail of docs/rights-server-api.md §4, read as the API document describes it. */
class PasscodeMailTest {

    private static final String CID = "ba7e3110-ff13-49d7-9cca-bb566105d9e6";

    @Test
    void theCodeCidAndExpiryAreReadFromTheDocumentedShape() throws Exception {
        Optional<PasscodeMail> mail = PasscodeMail.read(parse("X-Sealmail-Passcode: cid=" + CID + "; expires=1795943876\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nYour passcode for the message from alice@example.test:\r\n\r\n"
                + "Passcode: 04718263\r\n\r\nIt is valid for 10 minutes.\r\n"));

        assertThat(mail).contains(new PasscodeMail(CID, Instant.ofEpochSecond(1795943876L), "04718263"));
    }

    @Test
    void aPlainTextPartInsideMultipartIsFound() throws Exception {
        Optional<PasscodeMail> mail = PasscodeMail.read(parse("X-Sealmail-Passcode: cid=\"" + CID + "\"; expires=\"17\"\r\n"
                + "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + "Passcode: 12345678\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Passcode: 99999999</p>\r\n--b--\r\n"));

        assertThat(mail).map(PasscodeMail::passcode).contains("12345678");
    }

    @Test
    void mailsNotOfThatShapeGiveNoCode() throws Exception {
        String body = "Content-Type: text/plain\r\n\r\nPasscode: 12345678\r\n";
        assertThat(PasscodeMail.read(parse(body))).as("no header").isEmpty();
        assertThat(PasscodeMail.read(parse("X-Sealmail-Passcode: expires=17\r\n" + body))).as("no cid").isEmpty();
        assertThat(PasscodeMail.read(parse("X-Sealmail-Passcode: cid=" + CID + "; expires=17\r\n"
                + "Content-Type: text/plain\r\n\r\nPasscode: 1234567\r\n"))).as("7 digits").isEmpty();
        assertThat(PasscodeMail.read(parse("X-Sealmail-Passcode: cid=" + CID + "; expires=17\r\n"
                + "Content-Type: text/plain\r\n\r\nYour Passcode: 12345678\r\n"))).as("not at line start").isEmpty();
    }

    private static MimeMessage parse(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(
                ("From: rights@example.test\r\nTo: dan@example.test\r\nSubject: Your Sealmail passcode\r\n" + text)
                        .getBytes(StandardCharsets.UTF_8)));
    }
}

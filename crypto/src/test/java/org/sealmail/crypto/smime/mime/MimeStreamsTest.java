package org.sealmail.crypto.smime.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

class MimeStreamsTest {

    @Test
    void headersAreReadUpToTheEmptyLineAndTheStreamIsLeftAtTheBody() throws IOException {
        InputStream in = new ByteArrayInputStream(("Subject: a\n  folded\r\nContent-Type: text/plain;\n charset=utf-8\n\nbody\n")
                .getBytes(StandardCharsets.US_ASCII));

        RawMimeHeaders headers = RawMimeHeaders.read(in);

        assertThat(headers.fields()).extracting(HeaderField::name).containsExactly("Subject", "Content-Type");
        assertThat(headers.value("subject")).contains("a  folded");
        assertThat(headers.value("CONTENT-TYPE")).contains("text/plain; charset=utf-8");
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("body\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        headers.writeTo(out);
        assertThat(out.toString(StandardCharsets.US_ASCII))
                .isEqualTo("Subject: a\r\n  folded\r\nContent-Type: text/plain;\r\n charset=utf-8\r\n");
    }

    @Test
    void aLineThatIsNotAFieldIsNamedByNumber() {
        InputStream in = new ByteArrayInputStream("From: a@b\nthis is body text\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> RawMimeHeaders.read(in)).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.failure()).isEqualTo(CryptoFailure.MALFORMED_INPUT))
                .hasMessage("not a MIME message: line 2 is not a header field (\"this is body text\")");
    }

    @Test
    void lineEndsBecomeCrLfAcrossWriteBoundaries() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (CanonicalLineEndingOutputStream out = new CanonicalLineEndingOutputStream(target)) {
            out.write("a\nb\r".getBytes(StandardCharsets.US_ASCII));
            out.write("\nc\rd".getBytes(StandardCharsets.US_ASCII));
            out.write('\r');
            out.write('\n');
            out.write("\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(target.toString(StandardCharsets.US_ASCII)).isEqualTo("a\r\nb\r\nc\r\nd\r\n\r\n");
    }

    @Test
    void base64DecodesLargeInputAcrossBlocksLikeTheJdk() throws IOException {
        byte[] data = new byte[300_001];
        new Random(7).nextBytes(data);
        byte[] encoded = Base64.getMimeEncoder().encode(data);

        byte[] decoded = new Base64DecodingInputStream(new ByteArrayInputStream(encoded)).readAllBytes();

        assertThat(decoded).isEqualTo(data);
    }

    @Test
    void base64EndingInsideAGroupIsReportedAsTruncated() {
        byte[] encoded = "SGVsbG8gd29ybGQ=".substring(0, 14).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new Base64DecodingInputStream(new ByteArrayInputStream(encoded)).readAllBytes())
                .isInstanceOf(IOException.class)
                .hasMessage("base64 content ends in the middle of a 4-character group (2 characters left over):"
                        + " the message is truncated");
    }

    @Test
    void base64DataAfterPaddingIsAnError() {
        byte[] encoded = "SGk=\r\nSGk=".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new Base64DecodingInputStream(new ByteArrayInputStream(encoded)).readAllBytes())
                .isInstanceOf(IOException.class).hasMessage("base64 data after the '=' padding");
    }
}

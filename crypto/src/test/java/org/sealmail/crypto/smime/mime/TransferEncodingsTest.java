package org.sealmail.crypto.smime.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.CryptoException;

class TransferEncodingsTest {

    private static String qp(String text) {
        return new String(TransferEncodings.encodeQuotedPrintable(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.US_ASCII);
    }

    @Test
    void quotedPrintableEncodesEightBitTrailingWhiteSpaceEqualsAndMboxTraps() {
        assertThat(qp("café\n")).isEqualTo("caf=C3=A9\r\n");
        assertThat(qp("a = b \r\nline\t\r\n")).isEqualTo("a =3D b=20\r\nline=09\r\n");
        assertThat(qp("From here\r\n.\r\n")).isEqualTo("=46rom here\r\n=2E\r\n");
    }

    @Test
    void quotedPrintableBreaksLongLinesSoftlyAndDecodesBack() {
        String line = "x".repeat(200);

        String encoded = qp(line + "\r\n");

        assertThat(encoded.split("\r\n")).allSatisfy(each -> assertThat(each.length()).isLessThanOrEqualTo(76));
        assertThat(encoded).startsWith("x".repeat(75) + "=\r\n");
        assertThat(new String(TransferEncodings.decodeQuotedPrintable(encoded.getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII)).isEqualTo(line + "\r\n");
    }

    @Test
    void quotedPrintableDecodingFollowsRfc2045() {
        byte[] decoded = TransferEncodings.decodeQuotedPrintable("Gr=C3=BC=\r\n=C3=9Fe  \r\n=ZZ".getBytes(StandardCharsets.US_ASCII));

        assertThat(new String(decoded, StandardCharsets.UTF_8)).isEqualTo("Grüße\r\n=ZZ");
    }

    @Test
    void base64IsStrict() {
        assertThat(TransferEncodings.decodeBase64("AAEC\r\n/wp4\r\n".getBytes(StandardCharsets.US_ASCII)))
                .containsExactly(0, 1, 2, 0xff, '\n', 'x');
        assertThatThrownBy(() -> TransferEncodings.decodeBase64("AAEC\r\n/w*4".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid base64: unexpected character 0x2A at line 2 of the encoded part");
        assertThatThrownBy(() -> TransferEncodings.decodeBase64("AAECB".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("invalid base64: truncated (the last group has a single character)");
        assertThatThrownBy(() -> TransferEncodings.decodeBase64("AA==AA==".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("invalid base64: data after the '=' padding at line 1 of the encoded part");
    }

    @Test
    void base64EncodingUsesLinesOf76WithCrlf() {
        String encoded = new String(TransferEncodings.encodeBase64(new byte[100]), StandardCharsets.US_ASCII);

        assertThat(encoded).isEqualTo("A".repeat(76) + "\r\n" + "A".repeat(58) + "==\r\n");
    }

    @Test
    void anUnknownTransferEncodingIsMalformed() {
        assertThatThrownBy(() -> TransferEncodings.decode(new byte[0], "x-uuencode"))
                .hasMessage("unknown Content-Transfer-Encoding \"x-uuencode\" (RFC 2045 §6.1)");
    }
}

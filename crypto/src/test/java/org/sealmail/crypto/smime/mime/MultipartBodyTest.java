package org.sealmail.crypto.smime.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.CryptoException;

class MultipartBodyTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The example body of RFC 2046 §5.1.1, with its preamble and epilogue. */
    @Test
    void splitsTheRfc2046ExampleKeepingEveryByteOfEachPart() {
        byte[] body = ascii("This is the preamble.  It is to be ignored, though it\r\nis a handy place for composition"
                + " agents to include an\r\nexplanatory note to non-MIME conformant readers.\r\n\r\n--simple boundary\r\n\r\n"
                + "This is implicitly typed plain US-ASCII text.\r\nIt does NOT end with a linebreak.\r\n--simple boundary\r\n"
                + "Content-type: text/plain; charset=us-ascii\r\n\r\nThis is explicitly typed plain US-ASCII text.\r\n"
                + "It DOES end with a linebreak.\r\n\r\n--simple boundary--\r\n\r\nThis is the epilogue.  It is also to be"
                + " ignored.\r\n");

        MultipartBody split = MultipartBody.split(body, "simple boundary");

        assertThat(split.parts()).hasSize(2);
        assertThat(text(split.parts().get(0)))
                .isEqualTo("\r\nThis is implicitly typed plain US-ASCII text.\r\nIt does NOT end with a linebreak.");
        assertThat(text(split.parts().get(1))).isEqualTo("Content-type: text/plain; charset=us-ascii\r\n\r\n"
                + "This is explicitly typed plain US-ASCII text.\r\nIt DOES end with a linebreak.\r\n");
        assertThat(text(split.preamble())).endsWith("non-MIME conformant readers.\r\n");
        assertThat(text(split.epilogue())).isEqualTo("\r\nThis is the epilogue.  It is also to be ignored.\r\n");
        assertThat(split.closed()).isTrue();
    }

    @Test
    void toleratesLfLineEndsAndTransportPaddingAndIgnoresLongerBoundaries() {
        byte[] body = ascii("--b \t\nfirst\n--bb\nstill first\n--b\nsecond\n--b--");

        MultipartBody split = MultipartBody.split(body, "b");

        assertThat(split.parts()).extracting(MultipartBodyTest::text).containsExactly("first\n--bb\nstill first", "second");
    }

    @Test
    void aBodyWithoutDelimiterIsMalformed() {
        assertThatThrownBy(() -> MultipartBody.split(ascii("no parts here\r\n"), "x"))
                .isInstanceOf(CryptoException.class)
                .hasMessage("multipart body has no boundary delimiter line \"--x\"");
    }

    @Test
    void aMissingCloseDelimiterLeavesTheLastPartRunningToTheEnd() {
        MultipartBody split = MultipartBody.split(ascii("--x\r\none\r\n--x\r\ntwo, cut off"), "x");

        assertThat(split.closed()).isFalse();
        assertThat(split.parts()).extracting(MultipartBodyTest::text).containsExactly("one", "two, cut off");
    }
}

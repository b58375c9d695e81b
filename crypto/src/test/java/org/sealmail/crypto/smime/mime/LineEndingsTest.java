package org.sealmail.crypto.smime.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineEndingsTest {

    @Test
    void everyLineEndBecomesCrlf() {
        byte[] mixed = "a\nb\r\nc\rd".getBytes(StandardCharsets.US_ASCII);

        assertThat(new String(LineEndings.toCrlf(mixed), StandardCharsets.US_ASCII)).isEqualTo("a\r\nb\r\nc\r\nd");
        assertThat(LineEndings.isCrlf(mixed)).isFalse();
        assertThat(LineEndings.isCrlf("a\r\nb".getBytes(StandardCharsets.US_ASCII))).isTrue();
    }
}

package org.sealmail.crypto.smime.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawMimeParserTest {

    @Test
    void keepsFoldedFieldsRawAndUnfoldsTheirValues() {
        byte[] message = "From: a@example.test\nContent-Type: multipart/signed;\n\tboundary=x\n\nbody\n"
                .getBytes(StandardCharsets.US_ASCII);

        RawMimeEntity entity = RawMimeParser.parseMessage(message);

        assertThat(entity.headers()).hasSize(2);
        assertThat(new String(entity.headers().get(1).raw(), StandardCharsets.US_ASCII))
                .isEqualTo("Content-Type: multipart/signed;\n\tboundary=x\n");
        assertThat(entity.header("content-type")).contains("multipart/signed;\tboundary=x");
        assertThat(new String(entity.body(), StandardCharsets.US_ASCII)).isEqualTo("body\n");
    }

    @Test
    void aPartWithoutHeaderFieldsIsAllBody() {
        RawMimeEntity part = RawMimeParser.parseEntity("\r\nimplicitly typed".getBytes(StandardCharsets.US_ASCII));

        assertThat(part.headers()).isEmpty();
        assertThat(part.contentType()).isEqualTo(ContentType.DEFAULT);
        assertThat(new String(part.body(), StandardCharsets.US_ASCII)).isEqualTo("implicitly typed");
    }

    @Test
    void anMboxFromLineIsSkipped() {
        RawMimeEntity entity = RawMimeParser.parseMessage(
                "From alice@example.test Sun Nov 29 09:00:00 2026\nSubject: x\n\nhi".getBytes(StandardCharsets.US_ASCII));

        assertThat(entity.header("Subject")).contains("x");
    }
}

package org.sealmail.crypto.smime.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecryptedEntityRouterTest {

    @Test
    void plainContentGoesThroughEvenWhenItsHeaderBlockArrivesInPieces() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        DecryptedEntityRouter router = new DecryptedEntityRouter(content);

        router.write(bytes("Content-Type: text/pl"));
        assertThat(content.size()).as("undecided until the header block ends").isZero();
        router.write(bytes("ain\r\n"));
        router.write(bytes("\r\nbody"));
        assertThat(content.toString(StandardCharsets.US_ASCII)).isEqualTo("Content-Type: text/plain\r\n\r\nbody");
        router.write(bytes(" more\n"));
        router.finish();

        assertThat(content.toString(StandardCharsets.US_ASCII)).isEqualTo("Content-Type: text/plain\r\n\r\nbody more\n");
        assertThat(router.heldInner()).isEmpty();
    }

    @Test
    void anotherLayerIsHeldAndNothingReachesTheContent() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        DecryptedEntityRouter router = new DecryptedEntityRouter(content);
        String inner = "Content-Type: application/pkcs7-mime; smime-type=signed-data\n\nMIAGCSqGSIb3DQEHAqCAMIACAQE=\n";

        router.write(bytes(inner));
        router.finish();

        assertThat(content.size()).isZero();
        assertThat(router.heldInner()).hasValueSatisfying(held -> assertThat(held).isEqualTo(bytes(inner)));
    }

    @Test
    void anEntityWithoutHeaderBlockEndIsDecidedAtTheEnd() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        DecryptedEntityRouter router = new DecryptedEntityRouter(content);

        router.write(bytes("Content-Type: text/plain"));
        router.finish();

        assertThat(content.toString(StandardCharsets.US_ASCII)).isEqualTo("Content-Type: text/plain");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

package org.sealmail.crypto.smime.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.smime.mime.RawMimeParser;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.crypto.smime.verify.VerificationPolicy;

/**
 * The nested messages of Thunderbird's S/MIME test corpus (signed inside encrypted, encrypted
 * inside signed, signatures inside signatures, the hand-made triple wraps of smime-manual):
 * every layer in order with its outcome, as listed in thunderbird-smime/SEALMAIL-LAYERS.tsv
 * (whose evidence column gives the openssl cms -verify result of the outer signature and
 * Thunderbird's own expectation for the row).
 */
class SmimeMessageReaderCorpusTest {

    private static final Instant VALIDATION_TIME = Instant.parse("2026-06-01T00:00:00Z");
    private static final Path BASE = resource("thunderbird-smime");
    private static final SmimeMessageReader READER = reader();

    static Stream<Arguments> rows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(BASE.resolve("SEALMAIL-LAYERS.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.startsWith("file\t") || line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t");
            rows.add(Arguments.of(columns[0], columns[1], columns[2]));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rows")
    void findsEveryLayerInOrder(String file, String layers, String innermost) throws IOException {
        SmimeReadResult result = READER.read(Files.readAllBytes(BASE.resolve("smime").resolve(file).normalize()), VALIDATION_TIME);

        assertThat(String.join(" > ", result.layers().stream().map(SmimeMessageReaderCorpusTest::describe).toList()))
                .isEqualTo(layers);
        assertThat(RawMimeParser.parseEntity(result.content()).contentType().mediaType()).isEqualTo(innermost);
    }

    /** Bob's and Alice's keys (password "nss"); the NSS test CA as the only trust anchor. */
    private static SmimeMessageReader reader() {
        List<CertifiedKey> keys = new ArrayList<>();
        for (String store : List.of("Bob.p12", "Alice.p12")) {
            keys.addAll(Pkcs12KeyStores.read(BASE.resolve("smime").resolve(store), "nss".toCharArray()));
        }
        SmimeVerifier verifier = new SmimeVerifier(CertificateFiles.read(BASE.resolve("smime/TestCA.pem")), List.of(),
                VerificationPolicy.modern(), Clock.fixed(VALIDATION_TIME, ZoneOffset.UTC));
        return new SmimeMessageReader(keys, verifier);
    }

    private static String describe(MessageLayer layer) {
        if (layer instanceof MessageLayer.Signed signed) {
            SignatureVerification verification = signed.verification();
            return "signed " + (verification.format().orElseThrow().name().equals("DETACHED") ? "multipart" : "opaque")
                    + " " + verification.signers().get(0).certificateAddresses().get(0) + " " + verification.status();
        }
        MessageLayer.Encrypted encrypted = (MessageLayer.Encrypted) layer;
        return "encrypted " + encrypted.decryption().contentType() + " " + encrypted.decryption().contentEncryption().name();
    }

    private static Path resource(String name) {
        try {
            return Path.of(SmimeMessageReaderCorpusTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("test resource missing: " + name, e));
        }
    }
}

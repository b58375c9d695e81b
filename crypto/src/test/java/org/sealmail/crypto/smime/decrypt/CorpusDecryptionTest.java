package org.sealmail.crypto.smime.decrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.smime.PemKeys;

/**
 * Every enveloped corpus file with a stated outcome (smime-decrypt-corpus.tsv: Thunderbird/NSS,
 * OpenSSL, Bouncy Castle, RFC 4134, draft-ireland-examples-cms / RFC 9216, GnuPG PWRI samples):
 * decrypts to the expected bytes with the expected algorithms, or fails with the expected
 * failure and a message naming what was wrong.
 */
class CorpusDecryptionTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> corpus() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        String table = new String(PemKeys.resource("smime-decrypt-corpus.tsv"), StandardCharsets.UTF_8);
        for (String line : table.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            cases.add(Arguments.of(c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @MethodSource("corpus")
    void decryptsOrRefusesAsExpected(String file, String keySpec, String outcome, String expected, String contentAlgorithm,
            String keyManagement, String source) throws Exception {
        List<CertifiedKey> keys = keys(keySpec);
        byte[] input = PemKeys.resource(file);
        if (outcome.equals("DECRYPTED")) {
            DecryptedEntity decrypted = new SmimeDecryptor().decrypt(input, keys);
            assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(decrypted.entity())))
                    .as(source).isEqualTo(expected);
            assertThat(decrypted.result().contentEncryption().name()).isEqualTo(contentAlgorithm);
            assertThat(decrypted.result().integrityProtected()).isEqualTo(contentAlgorithm.contains("GCM")
                    || contentAlgorithm.contains("Poly1305"));
            assertThat(decrypted.result().contentEncryption().legacy()).isEqualTo(contentAlgorithm.equals("3DES-CBC"));
            if (!keyManagement.equals("-")) {
                assertThat(decrypted.result().keyManagement().name()).isEqualTo(keyManagement);
            }
        } else {
            assertThatThrownBy(() -> new SmimeDecryptor().decrypt(input, keys))
                    .as(source)
                    .isInstanceOfSatisfying(CryptoException.class,
                            e -> assertThat(e.failure()).isEqualTo(CryptoFailure.valueOf(outcome)))
                    .hasMessageContaining(expected);
        }
    }

    private static List<CertifiedKey> keys(String spec) throws Exception {
        List<CertifiedKey> keys = new ArrayList<>();
        for (String part : spec.split("\\+")) {
            String[] fields = part.split(":");
            if (fields[0].equals("p12")) {
                Path p12 = dir.resolve(Path.of(fields[1]).getFileName() + "-" + keys.size());
                Files.write(p12, PemKeys.resource(fields[1]));
                keys.addAll(Pkcs12KeyStores.read(p12, fields[2].toCharArray()));
            } else {
                keys.add(PemKeys.load(fields[1], fields[2]));
            }
        }
        return keys;
    }
}

package org.sealmail.crypto.smime.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of Thunderbird's own S/MIME expectations (thunderbird-smime/EXPECTED-*.tsv, from
 * test_smime_decrypt.js and test_smime_decrypt_allow_sha1.js) verified with Sealmail, with the
 * modern policy for the default table and the legacy policy for the SHA-1-allowed table.
 * Sealmail's own expected outcome per row is in SEALMAIL-EXPECTED.tsv; where it deliberately
 * differs from Thunderbird's sig_good the row names the reason, and this test fails if a
 * difference has none.
 */
class ThunderbirdCorpusTest {

    /** The NSS test certificates are valid from 2026-01-26 to 2031-01-26: validate inside that window. */
    private static final Instant VALIDATION_TIME = Instant.parse("2026-06-01T00:00:00Z");
    private static final List<X509Certificate> ANCHOR = CorpusFiles.certificates("thunderbird-smime/smime/TestCA.pem");

    static Stream<Arguments> rows() {
        Map<String, String[]> thunderbird = new HashMap<>();
        for (String[] table : new String[][] {{"modern", "EXPECTED-default-sha1-rejected.tsv"},
            {"legacy", "EXPECTED-sha1-allowed.tsv"}}) {
            List<String> lines = CorpusFiles.lines("thunderbird-smime/" + table[1]);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.split("\t");
                thunderbird.put(table[0] + " " + columns[0], columns);
            }
        }
        return CorpusFiles.lines("thunderbird-smime/SEALMAIL-EXPECTED.tsv").stream()
                .filter(line -> !line.startsWith("#") && !line.startsWith("file\t"))
                .map(line -> line.split("\t", -1))
                .map(columns -> Arguments.of(columns[0], columns[1], VerificationStatus.valueOf(columns[2]),
                        Coverage.valueOf(columns[3]), columns[4], columns[5], thunderbird.get(columns[1] + " " + columns[0])));
    }

    @ParameterizedTest(name = "{1} {0} -> {2}")
    @MethodSource("rows")
    void verifiesAsExpectedAndAgreesWithThunderbird(String file, String policy, VerificationStatus expected,
            Coverage coverage, String signer, String reason, String[] thunderbird) {
        SmimeVerifier verifier = new SmimeVerifier(ANCHOR, List.of(),
                "legacy".equals(policy) ? VerificationPolicy.legacy() : VerificationPolicy.modern(),
                Clock.fixed(VALIDATION_TIME, ZoneOffset.UTC));

        SignatureVerification result = verifier.verify(CorpusFiles.bytes("thunderbird-smime/smime/" + file));

        assertThat(result.status()).as("status").isEqualTo(expected);
        assertThat(result.coverage()).as("coverage").isEqualTo(coverage);
        if (expected == VerificationStatus.NOT_SIGNED) {
            assertThat(result.note()).get().asString().contains("encrypted").contains("decrypt it first");
        } else {
            assertThat(result.signers().get(0).certificateAddresses()).as("signer").contains(signer);
        }
        assertThat(thunderbird).as("row of Thunderbird's table").isNotNull();
        boolean thunderbirdReportsSignature = "true".equals(thunderbird[2]);
        boolean thunderbirdGood = "true".equals(thunderbird[3]);
        if (thunderbirdReportsSignature && thunderbirdGood != (expected == VerificationStatus.VALID)) {
            assertThat(reason).as("a difference from Thunderbird (sig_good=" + thunderbird[3] + ") needs a reason")
                    .isNotBlank();
        }
        if (thunderbirdReportsSignature && thunderbirdGood && expected == VerificationStatus.VALID) {
            assertThat(thunderbird[4]).as("Thunderbird's expected signer").isEqualTo(signer.substring(0, signer.indexOf('@')));
        }
    }
}

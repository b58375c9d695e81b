package org.sealmail.mailstore.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.keys.HarvestedCertificate;
import org.sealmail.crypto.smime.SmimeCapabilities;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.db.SqliteMailStore;

class CertificateDirectoryTest {

    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2025-12-01T00:00:00Z");

    @TempDir
    Path profile;

    @Test
    void harvestingTracksFirstAndLastSeenAndTheNewestCapabilities() throws Exception {
        TestPki pki = TestPki.get();
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            CertificateDirectory directory = store.certificates();
            directory.record(new HarvestedCertificate("bob@example.test", pki.bob.certificate(),
                    List.of(SmimeCapabilities.AES256_CBC), false, T1));
            directory.record(new HarvestedCertificate("bob@example.test", pki.bob.certificate(),
                    SmimeCapabilities.sealmailDefault().algorithms(), true, T2));
            // an older message read later must not bring back the old capabilities
            directory.record(new HarvestedCertificate("bob@example.test", pki.bob.certificate(),
                    List.of(SmimeCapabilities.AES128_CBC), false, T0));

            List<DirectoryEntry> entries = directory.find("BOB@example.test");
            assertThat(entries).hasSize(1);
            DirectoryEntry entry = entries.get(0);
            assertThat(entry.certificate()).isEqualTo(pki.bob.certificate());
            assertThat(entry.firstSeen()).isEqualTo(T0);
            assertThat(entry.lastSeen()).isEqualTo(T2);
            assertThat(entry.smimeCapabilities()).isEqualTo(SmimeCapabilities.sealmailDefault().algorithms());
            assertThat(entry.encryptionKeyPreference()).isTrue();
            assertThat(entry.source()).isEqualTo(CertificateSource.HARVESTED);
            // openssl x509 -fingerprint -sha256 prints the same digest of the DER encoding
            assertThat(entry.sha256Fingerprint()).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(pki.bob.certificate().getEncoded())));
        }
    }

    @Test
    void thePreferredThenNewestCertificateComesFirst() {
        TestPki pki = TestPki.get();
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            CertificateDirectory directory = store.certificates();
            directory.record(new HarvestedCertificate("shared@example.test", pki.alice.certificate(), List.of(), false, T2));
            directory.record(new HarvestedCertificate("shared@example.test", pki.carol.certificate(), List.of(), false, T1));
            assertThat(directory.find("shared@example.test")).extracting(DirectoryEntry::certificate)
                    .containsExactly(pki.alice.certificate(), pki.carol.certificate());
            directory.record(new HarvestedCertificate("shared@example.test", pki.carol.certificate(), List.of(), true, T1));
            assertThat(directory.find("shared@example.test").get(0).certificate()).isEqualTo(pki.carol.certificate());
        }
    }

    @Test
    void importFilesACertificateUnderItsAddresses() {
        TestPki pki = TestPki.get();
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            List<String> addresses = store.certificates().importCertificate(pki.erin.certificate(), T1);
            assertThat(addresses).containsExactly("erin@example.test");
            assertThat(store.certificates().find("erin@example.test")).singleElement()
                    .satisfies(e -> assertThat(e.source()).isEqualTo(CertificateSource.IMPORTED));
            assertThatThrownBy(() -> store.certificates().importCertificate(pki.root.issuer().certificate(), T1))
                    .isInstanceOf(StoreException.class).hasMessageContaining("names no e-mail address");
            assertThat(store.certificates().remove("erin@example.test", CertificateDirectory.fingerprint(pki.erin.certificate())))
                    .isTrue();
            assertThat(store.certificates().list()).isEmpty();
        }
    }
}

package org.sealmail.app.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.memory.InMemoryKeyRing;
import org.sealmail.app.ui.memory.InMemoryPreferences;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;

/** The fingerprints and fields the settings show, compared with {@code openssl x509}. */
class CertificateDetailsIT {

    @Test
    void importedKeyShowsTheSameFingerprintsAndSerialAsOpenssl(@TempDir Path dir) {
        assumeTrue(PeerTool.available("openssl"), "openssl is not installed");
        TestPki pki = TestPki.get();
        Path p12 = TestPki.writeP12(dir, "alice", pki.alice);
        Path pem = TestPki.writeCertPem(dir, "alice", pki.alice);
        SettingsViewModel model = new SettingsViewModel(new InMemoryKeyRing(), new InMemoryPreferences(),
                new SameThreadTaskExecutor(), UiText.english());

        model.importPkcs12(p12, TestPki.PASSWORD.toCharArray());

        assertThat(model.ownKeys()).hasSize(1);
        CertificateDetails details = model.ownKeys().get(0).certificate();
        String sha256 = PeerTool.run("openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha256").ok().out();
        String sha1 = PeerTool.run("openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha1").ok().out();
        String serial = PeerTool.run("openssl", "x509", "-in", pem.toString(), "-noout", "-serial").ok().out();
        assertThat(sha256.strip()).isEqualTo("sha256 Fingerprint=" + details.sha256());
        assertThat(sha1.strip()).isEqualTo("sha1 Fingerprint=" + details.sha1());
        assertThat(serial.strip()).isEqualTo("serial=" + (details.serialHex().length() % 2 == 1 ? "0" : "") + details.serialHex());
        assertThat(details.addresses()).containsExactly("alice@example.test");
        assertThat(model.messageProperty().get()).isEqualTo("1 key imported from alice.p12.");
    }

    @Test
    void aWrongPasswordIsReportedAndImportsNothing(@TempDir Path dir) {
        Path p12 = TestPki.writeP12(dir, "bob", TestPki.get().bob);
        SettingsViewModel model = new SettingsViewModel(new InMemoryKeyRing(), new InMemoryPreferences(),
                new SameThreadTaskExecutor(), UiText.english());
        char[] password = "wrong".toCharArray();

        model.importPkcs12(p12, password);

        assertThat(model.ownKeys()).isEmpty();
        assertThat(model.errorProperty().get()).startsWith("bob.p12 could not be imported: ");
        assertThat(password).as("the password is wiped").containsOnly('\0');
        assertThat(List.of(model.messageProperty().get())).containsExactly("");
    }
}

package org.sealmail.app.ui.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.runFx;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.Screenshots;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.memory.InMemoryKeyRing;
import org.sealmail.app.ui.reader.DisplayPart;
import org.sealmail.app.ui.reader.OpenedMessage;
import org.sealmail.app.ui.reader.ProtectionBar;
import org.sealmail.app.ui.reader.ReaderView;
import org.sealmail.app.ui.reader.ReaderViewModel;
import org.sealmail.app.ui.reader.RecordingOutlets;
import org.sealmail.app.ui.reader.RemoteContentPolicy;
import org.sealmail.app.ui.reader.SignatureCheck;
import org.sealmail.app.ui.reader.SmimeProtection;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * S/MIME messages signed by OpenSSL ({@code openssl cms -sign}), opened by the reader: a good
 * signature shows as verified, a tampered body as invalid, and a certificate that names another
 * address than From as a mismatch naming both addresses.
 */
@ExtendWith(ApplicationExtension.class)
class SmimeReaderIT {

    private static final String BODY = "Hello Bob,\r\n\r\nthe contract is signed. See you at noon.\r\n\r\nAlice\r\n";
    private static final Map<Long, byte[]> MESSAGES = new HashMap<>();

    private ReaderViewModel model;
    private ReaderView view;
    private Stage stage;

    @BeforeAll
    static void signWithOpenssl(@TempDir Path dir) throws Exception {
        assumeTrue(PeerTool.available("openssl"), "openssl is not installed");
        TestPki pki = TestPki.get();
        Path body = Files.writeString(dir.resolve("body.txt"), BODY);
        Path intermediate = pki.writeIntermediatePem(dir);
        MESSAGES.put(1L, sign(dir, body, intermediate, "alice", pki.alice, "Alice Example <alice@example.test>"));
        byte[] tampered = new String(MESSAGES.get(1L), StandardCharsets.UTF_8).replace("at noon", "at nine")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(MESSAGES.get(1L));
        MESSAGES.put(2L, tampered);
        MESSAGES.put(3L, sign(dir, body, intermediate, "carol", pki.carol, "Alice Example <alice@example.test>"));
    }

    private static byte[] sign(Path dir, Path body, Path intermediate, String name,
            org.sealmail.crypto.keys.CertifiedKey key, String from) {
        Path cert = TestPki.writeCertPem(dir, name, key);
        Path privateKey = TestPki.writeKeyPem(dir, name, key);
        return PeerTool.run("openssl", "cms", "-sign", "-in", body.toString(), "-text", "-signer", cert.toString(),
                "-inkey", privateKey.toString(), "-certfile", intermediate.toString(), "-md", "sha256",
                "-from", from, "-to", "Bob Example <bob@example.test>", "-subject", "Signed by OpenSSL").ok().stdout();
    }

    @Start
    void start(Stage primary) {
        this.stage = primary;
        InMemoryKeyRing keyRing = new InMemoryKeyRing();
        keyRing.addKey(TestPki.get().bob);
        keyRing.addAnchor(TestPki.get().root.issuer().certificate());
        StoredMessageOpener opener = new StoredMessageOpener(id -> {
            byte[] raw = MESSAGES.get(id);
            if (raw == null) {
                throw new NoSuchElementException("no message " + id);
            }
            return raw;
        }, keyRing, new InMemoryUseLicenseCache(), Clock.systemUTC());
        model = new ReaderViewModel(opener, new FxTaskExecutor(1), new RecordingOutlets().outlets(), UiText.english(),
                Clock.systemUTC(), () -> RemoteContentPolicy.BLOCK_AND_ASK);
        view = new ReaderView(model, UiText.english(), ZoneOffset.UTC);
        primary.setScene(new Scene(view.root(), 900, 560));
        org.sealmail.app.ui.Theme.LIGHT.applyTo(primary.getScene());
        primary.show();
    }

    private OpenedMessage open(long id) {
        runFx(() -> model.open(id));
        waitUntil(() -> !model.loadingProperty().get() && model.currentMessage().map(m -> m.id() == id).orElse(false));
        return onFx(() -> model.currentMessage().orElseThrow());
    }

    private String headline(FxRobot robot) {
        return robot.lookup(".protection-headline").queryAs(Label.class).getText();
    }

    @Test
    void aMessageSignedByOpensslShowsAsVerified(FxRobot robot) {
        OpenedMessage message = open(1);

        SignatureCheck signature = ((SmimeProtection) message.protection()).signature().orElseThrow();
        assertThat(signature.valid()).isTrue();
        assertThat(signature.signerAddress()).isEqualTo("alice@example.test");
        assertThat(message.parts()).extracting(DisplayPart::origin).containsOnly(DisplayPart.Origin.SIGNED);
        assertThat(message.parts().get(0).content()).contains("See you at noon.");
        assertThat(headline(robot)).isEqualTo("Signed by Alice Example <alice@example.test>: the signature is valid, "
                + "the certificate is trusted and matches the sender.");
        assertThat(onFx(() -> model.protectionBarProperty().get().severity())).isEqualTo(ProtectionBar.Severity.OK);
        onFx(() -> Screenshots.save(stage.getScene(), "reader-smime-openssl-verified"));
    }

    @Test
    void aTamperedMessageShowsAsInvalid(FxRobot robot) {
        OpenedMessage message = open(2);

        SignatureCheck signature = ((SmimeProtection) message.protection()).signature().orElseThrow();
        assertThat(signature.outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
        assertThat(signature.valid()).isFalse();
        assertThat(headline(robot)).isEqualTo(
                "The signature is INVALID: this message was changed after Alice Example signed it.");
        assertThat(message.parts()).extracting(DisplayPart::origin).doesNotContain(DisplayPart.Origin.SIGNED);
        onFx(() -> Screenshots.save(stage.getScene(), "reader-smime-openssl-tampered"));
    }

    @Test
    void aSignerWhoseCertificateNamesAnotherAddressShowsTheMismatch(FxRobot robot) {
        OpenedMessage message = open(3);

        SignatureCheck signature = ((SmimeProtection) message.protection()).signature().orElseThrow();
        assertThat(signature.outcome()).isEqualTo(SignatureCheck.Outcome.VERIFIED);
        assertThat(signature.addressMatchesFrom()).isFalse();
        assertThat(signature.valid()).isFalse();
        assertThat(headline(robot)).isEqualTo("Signed by carol@example.test, but the message says it is from "
                + "Alice Example <alice@example.test>: the addresses do not match.");
        onFx(() -> Screenshots.save(stage.getScene(), "reader-smime-openssl-mismatch"));
    }
}

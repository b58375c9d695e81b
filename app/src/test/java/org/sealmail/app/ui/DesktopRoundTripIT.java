package org.sealmail.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.runFx;
import static org.sealmail.app.ui.FxTestSupport.waitLoaded;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.compose.ComposeViewModel;
import org.sealmail.app.ui.compose.ComposeWindow;
import org.sealmail.app.ui.html.SandboxedWebView;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.mailbox.ProtectionKind;
import org.sealmail.app.ui.profile.ProfileSecrets;
import org.sealmail.app.ui.reader.AttachmentInfo;
import org.sealmail.app.ui.reader.CommandResult;
import org.sealmail.app.ui.reader.OpenedMessage;
import org.sealmail.app.ui.reader.RightsProtection;
import org.sealmail.app.ui.setup.NewAccount;
import org.sealmail.app.ui.setup.ServerEndpoint;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.mailstore.testing.TestServerTls;
import org.sealmail.mailstore.tls.CertificateFingerprint;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The desktop client end to end, with real services on two profiles and an in-JVM GreenMail
 * (IMAPS and SMTPS, server certificate from the test CA): each profile is unlocked with its
 * master password, its account created by the setup wizard's service (login checked, server
 * certificate pinned, password in the password file) and its key imported from a PKCS#12 file.
 * Alice composes in the composer window and sends through the policy pipeline, the store's
 * outbox and SMTP; Bob's client synchronizes over IMAP in the background, lists the message with
 * its lock icon and opens it in the reader. With Do Not Forward, copy, print, forward and save
 * are refused (the clipboard keeps its sentinel, no printer job starts); with Encrypt, copy and
 * forward work. S/MIME mail signed by {@code openssl cms -sign}, delivered to Bob's server and
 * synchronized, shows as verified, as invalid once tampered with, and with the address mismatch
 * when the signer's certificate names another address than From.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopRoundTripIT {

    private static final String ALICE = "alice@example.test";
    private static final String BOB = "bob@example.test";
    private static final String SECRET = "Board numbers: revenue 4.2M. Keep this between us.";
    private static final String SENTINEL = "clipboard sentinel 7f3a";

    @TempDir
    Path work;

    private final TestPki pki = TestPki.get();
    private final AtomicInteger printerJobs = new AtomicInteger();
    private TestGreenMail servers;
    private DesktopServices aliceServices;
    private DesktopServices bobServices;
    private DesktopClient alice;
    private DesktopClient bob;
    private Stage bobStage;
    private FxTaskExecutor executor;

    @Start
    void start(Stage primary) {
        this.bobStage = primary;
        primary.setWidth(1280);
        primary.setHeight(820);
    }

    @BeforeEach
    void startServersAndProfiles() throws Exception {
        servers = new TestGreenMail();
        executor = new FxTaskExecutor(3);
        aliceServices = DesktopServices.open(work.resolve("alice"));
        bobServices = DesktopServices.open(work.resolve("bob"));
        UiServices aliceUi = profile(aliceServices, work.resolve("alice"), "Alice Example", ALICE, pki.alice, pki.bob);
        UiServices bobUi = profile(bobServices, work.resolve("bob"), "Bob Example", BOB, pki.bob, pki.alice);
        alice = onFx(() -> new DesktopClient(aliceUi.guarded(), executor, UiText.english(), Clock.systemUTC(), url -> { }));
        bob = onFx(() -> new DesktopClient(bobUi.guarded(), executor, UiText.english(), Clock.systemUTC(), url -> { },
                content -> {
                    printerJobs.incrementAndGet();
                    return true;
                }));
        runFx(() -> {
            alice.showMainWindow(new Stage());
            bob.showMainWindow(bobStage);
            ClipboardContent content = new ClipboardContent();
            content.putString(SENTINEL);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    /** Unlocks the profile, creates its account as the wizard does and imports its key from a .p12 file. */
    private UiServices profile(DesktopServices services, Path directory, String name, String address, CertifiedKey own,
            CertifiedKey correspondent) {
        UiServices ui = services.start(new ProfileSecrets(directory).unlock((name + " master").toCharArray()), UiText.english());
        String pin = CertificateFingerprint.sha256(TestServerTls.get().localhost().certificate());
        ui.accountSetup().create(new NewAccount(name, address, address, TestGreenMail.PASSWORD.toCharArray(),
                new ServerEndpoint("127.0.0.1", servers.imapsPort(), ServerEndpoint.Security.IMPLICIT_TLS),
                new ServerEndpoint("127.0.0.1", servers.smtpsPort(), ServerEndpoint.Security.IMPLICIT_TLS), List.of(pin)));
        Path p12 = directory.resolve("own.p12");
        Pkcs12KeyStores.write(p12, "p12-pass".toCharArray(), List.of(own));
        ui.keyRing().importPkcs12(p12, "p12-pass".toCharArray());
        services.keyRing().orElseThrow().addAnchor(pki.root.issuer().certificate());
        services.store().certificates().importCertificate(correspondent.certificate(), Instant.now());
        return ui;
    }

    @AfterEach
    void stop() {
        runFx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != bobStage).toList()
                .forEach(w -> ((Stage) w).close()));
        aliceServices.close();
        bobServices.close();
        executor.close();
        servers.close();
    }

    /** Alice composes and sends; Bob's client receives it by background sync and opens it. */
    private OpenedMessage sendAndOpen(FxRobot robot, Consumer<ComposeViewModel> protection) throws Exception {
        Path attachment = Files.writeString(work.resolve("numbers.csv"), "quarter,revenue\nQ3,4.2M\n");
        waitUntil(() -> onFx(() -> !alice.mainModel().accounts().isEmpty()));
        ComposeWindow composer = onFx(alice::newMessage);
        ComposeViewModel model = composer.model();
        runFx(() -> {
            model.toProperty().set("Bob Example <" + BOB + ">");
            model.subjectProperty().set("Q3 board numbers");
            model.bodyProperty().set(SECRET);
            protection.accept(model);
            model.attach(attachment);
        });
        waitUntil(() -> onFx(() -> model.attachments().size() == 1));
        robot.clickOn(robot.from(composer.root()).lookup("#sendButton").<javafx.scene.Node>query());
        waitUntil(() -> onFx(() -> model.stateProperty().get() != ComposeViewModel.SendState.SENDING
                && model.stateProperty().get() != ComposeViewModel.SendState.EDITING));
        assertThat(onFx(() -> model.stateProperty().get())).as(onFx(() -> model.errorProperty().get()))
                .isEqualTo(ComposeViewModel.SendState.SENT);
        onFx(() -> Screenshots.save(composer.root().getScene(), "real-composer-sent"));
        assertThat(servers.greenMail().getReceivedMessagesForDomain(BOB)).hasSize(1);
        String onTheWire = new String(servers.greenMail().getReceivedMessagesForDomain(BOB)[0].getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8);
        assertThat(onTheWire).doesNotContain("revenue 4.2M");

        runFx(() -> {
            ((Stage) composer.root().getScene().getWindow()).close();
            bobStage.toFront();
            bob.mainModel().synchronize();
        });
        waitUntil(() -> onFx(() -> bob.mainModel().selectedFolderProperty().get() != null
                && bob.mainModel().pagedRows().size() == 1 && bob.mainModel().pagedRows().get(0) != null));
        MessageHeader row = onFx(() -> bob.mainModel().pagedRows().get(0));
        assertThat(row.subject()).isEqualTo("Q3 board numbers");
        assertThat(row.protection()).isEqualTo(ProtectionKind.RIGHTS_PROTECTED);
        javafx.scene.control.TableRow<?> filled = onFx(() -> robot.from(bobStage.getScene().getRoot())
                .lookup(".table-row-cell").queryAll().stream()
                .map(node -> (javafx.scene.control.TableRow<?>) node).filter(r -> r.getItem() != null).findFirst().orElseThrow());
        assertThat(onFx(() -> filled.lookupAll(".icon-lock"))).as("the list shows the lock icon").hasSize(1);
        robot.clickOn(filled);
        waitUntil(() -> onFx(() -> !bob.readerModel().loadingProperty().get() && (bob.readerModel().currentMessage().isPresent()
                || !bob.readerModel().errorProperty().get().isEmpty())));
        assertThat(onFx(() -> bob.readerModel().errorProperty().get())).isEmpty();
        return onFx(() -> bob.readerModel().currentMessage().orElseThrow());
    }

    private SandboxedWebView part() {
        SandboxedWebView part = onFx(() -> bob.readerView().partViews().get(0));
        waitLoaded(part);
        return part;
    }

    private String clipboard() {
        return onFx(() -> Clipboard.getSystemClipboard().getString());
    }

    @Test
    void doNotForwardSentByAliceIsOpenedByBobWithCopyPrintForwardAndSaveRefused(FxRobot robot) throws Exception {
        OpenedMessage message = sendAndOpen(robot, model -> model.doNotForwardProperty().set(true));

        RightsProtection protection = (RightsProtection) message.protection();
        assertThat(protection.outcome()).isEqualTo(RightsProtection.Outcome.OPENED);
        assertThat(protection.templateName()).isEqualTo("Do Not Forward");
        assertThat(protection.granted()).containsExactlyInAnyOrder(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL);
        assertThat(message.parts().get(0).content()).contains(SECRET);
        assertThat(message.attachments()).extracting(AttachmentInfo::fileName).containsExactly("numbers.csv");

        SandboxedWebView part = part();
        robot.clickOn(part);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.CONTROL, KeyCode.C);
        robot.push(KeyCode.CONTROL, KeyCode.INSERT);
        assertThat(onFx(bob.readerView()::copySelection)).isEqualTo(CommandResult.refused("reader.refused.copy"));
        assertThat(clipboard()).isEqualTo(SENTINEL);
        assertThat(onFx(bob.readerView()::printCurrent)).isEqualTo(CommandResult.refused("reader.refused.print"));
        assertThat(printerJobs.get()).isZero();
        int windows = onFx(() -> javafx.stage.Window.getWindows().size());
        assertThat(onFx(() -> bob.readerModel().forward())).isEqualTo(CommandResult.refused("reader.refused.forward"));
        assertThat(onFx(() -> javafx.stage.Window.getWindows().size())).as("no composer opened").isEqualTo(windows);
        assertThat(onFx(() -> bob.readerModel().saveAttachment(message.attachments().get(0))))
                .isEqualTo(CommandResult.refused("reader.refused.save"));
        onFx(() -> Screenshots.save(bobStage.getScene(), "real-main-window-do-not-forward"));
    }

    @Test
    void encryptSentByAliceIsOpenedByBobWithCopyAndForwardAllowed(FxRobot robot) throws Exception {
        OpenedMessage message = sendAndOpen(robot, model -> model.encryptProperty().set(true));

        RightsProtection protection = (RightsProtection) message.protection();
        assertThat(protection.templateName()).isEqualTo("Encrypt");
        assertThat(protection.granted()).contains(UsageRight.FORWARD, UsageRight.EXTRACT, UsageRight.PRINT)
                .doesNotContain(UsageRight.EXPORT);

        SandboxedWebView part = part();
        robot.clickOn(part);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.CONTROL, KeyCode.C);
        assertThat(clipboard()).contains(SECRET);
        int windows = onFx(() -> javafx.stage.Window.getWindows().size());
        assertThat(onFx(() -> bob.readerModel().forward().done())).isTrue();
        assertThat(onFx(() -> javafx.stage.Window.getWindows().size())).as("the forward composer opened").isEqualTo(windows + 1);
        assertThat(onFx(bob.readerView()::printCurrent).done()).isTrue();
        assertThat(printerJobs.get()).isEqualTo(1);
        onFx(() -> Screenshots.save(bobStage.getScene(), "real-main-window-encrypt"));
    }

    @Test
    void smimeMailSignedByOpensslArrivesOverImapAndShowsVerifiedTamperedAndMismatch(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.sealmail.crypto.testing.PeerTool.available("openssl"),
                "openssl is not installed");
        Path body = Files.writeString(work.resolve("body.txt"), "Hello Bob,\r\n\r\nthe contract is signed. See you at noon.\r\n");
        Path intermediate = pki.writeIntermediatePem(work);
        byte[] verified = opensslSigned(body, intermediate, "alice", pki.alice, "Verified by OpenSSL");
        byte[] tampered = new String(opensslSigned(body, intermediate, "alice", pki.alice, "Tampered after signing"),
                StandardCharsets.UTF_8).replace("at noon", "at nine").getBytes(StandardCharsets.UTF_8);
        byte[] mismatch = opensslSigned(body, intermediate, "carol", pki.carol, "Signed by someone else");
        byte[] plain = ("From: Alice Example <alice@example.test>\r\nTo: bob@example.test\r\nSubject: Plain hello\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nLunch at one?\r\n").getBytes(StandardCharsets.UTF_8);
        com.icegreen.greenmail.user.GreenMailUser mailbox = servers.greenMail().getUserManager().getUserByEmail(BOB);
        for (byte[] raw : List.of(verified, tampered, mismatch, plain)) {
            mailbox.deliver(new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw)));
        }

        runFx(() -> bob.mainModel().synchronize());
        waitUntil(() -> onFx(() -> bob.mainModel().pagedRows().size() == 4 && bob.mainModel().pagedRows().stream()
                .allMatch(java.util.Objects::nonNull)));

        assertThat(openRow("Verified by OpenSSL")).isEqualTo("Signed by Alice Example <alice@example.test>: the signature "
                + "is valid, the certificate is trusted and matches the sender.");
        assertThat(smime().valid()).isTrue();
        assertThat(smime().signerAddress()).isEqualTo("alice@example.test");
        assertThat(onFx(() -> bob.readerModel().currentMessage().orElseThrow().parts()))
                .extracting(org.sealmail.app.ui.reader.DisplayPart::origin)
                .containsOnly(org.sealmail.app.ui.reader.DisplayPart.Origin.SIGNED);
        assertThat(onFx(() -> bob.readerModel().protectionBarProperty().get().severity()))
                .isEqualTo(org.sealmail.app.ui.reader.ProtectionBar.Severity.OK);
        onFx(() -> Screenshots.save(bobStage.getScene(), "real-reader-smime-verified"));
        assertThat(openRow("Tampered after signing"))
                .isEqualTo("The signature is INVALID: this message was changed after Alice Example signed it.");
        assertThat(smime().outcome()).isEqualTo(org.sealmail.app.ui.reader.SignatureCheck.Outcome.BAD_SIGNATURE);
        assertThat(smime().valid()).isFalse();
        assertThat(onFx(() -> bob.readerModel().currentMessage().orElseThrow().parts()))
                .extracting(org.sealmail.app.ui.reader.DisplayPart::origin)
                .doesNotContain(org.sealmail.app.ui.reader.DisplayPart.Origin.SIGNED);
        onFx(() -> Screenshots.save(bobStage.getScene(), "real-reader-smime-tampered"));
        assertThat(openRow("Signed by someone else")).isEqualTo("Signed by carol@example.test, but the message says it is "
                + "from Alice Example <alice@example.test>: the addresses do not match.");
        assertThat(smime().outcome()).isEqualTo(org.sealmail.app.ui.reader.SignatureCheck.Outcome.VERIFIED);
        assertThat(smime().addressMatchesFrom()).isFalse();
        assertThat(smime().valid()).isFalse();
        onFx(() -> Screenshots.save(bobStage.getScene(), "real-reader-smime-mismatch"));
        openRow("Plain hello");
        assertThat(onFx(() -> bob.readerModel().currentMessage().orElseThrow().parts().get(0).content())).contains("Lunch at one?");
        onFx(() -> Screenshots.save(bobStage.getScene(), "real-reader-plain"));
    }

    private byte[] opensslSigned(Path body, Path intermediate, String name, CertifiedKey key, String subject) {
        Path cert = TestPki.writeCertPem(work, name, key);
        Path privateKey = TestPki.writeKeyPem(work, name, key);
        return org.sealmail.crypto.testing.PeerTool.run("openssl", "cms", "-sign", "-in", body.toString(), "-text",
                "-signer", cert.toString(), "-inkey", privateKey.toString(), "-certfile", intermediate.toString(),
                "-md", "sha256", "-from", "Alice Example <alice@example.test>", "-to", "Bob Example <bob@example.test>",
                "-subject", subject).ok().stdout();
    }

    /** Selects the row with the subject in Bob's list and returns the reader's protection headline. */
    private String openRow(String subject) {
        int index = onFx(() -> {
            for (int i = 0; i < bob.mainModel().pagedRows().size(); i++) {
                if (bob.mainModel().pagedRows().get(i).subject().equals(subject)) {
                    return i;
                }
            }
            throw new AssertionError("no row " + subject);
        });
        runFx(() -> bob.mainWindow().messageTable().getSelectionModel().select(index));
        waitUntil(() -> onFx(() -> !bob.readerModel().loadingProperty().get() && bob.readerModel().currentMessage()
                .map(m -> m.subject().equals(subject)).orElse(false)));
        return onFx(() -> bob.readerModel().protectionBarProperty().get() == null ? ""
                : bob.readerView().root().lookup(".protection-headline") instanceof javafx.scene.control.Label label
                        ? label.getText() : "");
    }

    private org.sealmail.app.ui.reader.SignatureCheck smime() {
        return onFx(() -> ((org.sealmail.app.ui.reader.SmimeProtection) bob.readerModel().currentMessage().orElseThrow()
                .protection()).signature().orElseThrow());
    }
}

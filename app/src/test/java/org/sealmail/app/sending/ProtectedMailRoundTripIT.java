package org.sealmail.app.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.runFx;
import static org.sealmail.app.ui.FxTestSupport.waitLoaded;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.Screenshots;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.compose.ComposeViewModel;
import org.sealmail.app.ui.html.SandboxedWebView;
import org.sealmail.app.ui.memory.InMemoryComposeServices;
import org.sealmail.app.ui.memory.InMemoryKeyRing;
import org.sealmail.app.ui.opening.StoredMessageOpener;
import org.sealmail.app.ui.reader.CommandResult;
import org.sealmail.app.ui.reader.OpenedMessage;
import org.sealmail.app.ui.reader.ReaderView;
import org.sealmail.app.ui.reader.ReaderViewModel;
import org.sealmail.app.ui.reader.RecordingOutlets;
import org.sealmail.app.ui.reader.RemoteContentPolicy;
import org.sealmail.app.ui.reader.RightsProtection;
import org.sealmail.app.ui.reader.SystemClipboardWriter;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.send.OutgoingMessagePipeline;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * End to end through an in-JVM GreenMail with two accounts: Bob composes and sends with the
 * composer's view-model, the send pipeline (rules, protection) and an outbox that submits over
 * SMTP; Alice's client fetches the message over
 * IMAP, opens it with her key and shows it in the reader. With Do Not Forward, copy (every
 * gesture), print, forward and save are refused; with Encrypt, forward and copy work.
 */
@ExtendWith(ApplicationExtension.class)
class ProtectedMailRoundTripIT {

    private static final String BOB = "bob@example.test";
    private static final String ALICE = "alice@example.test";
    private static final String CAROL = "carol@example.test";
    private static final String SECRET = "Board numbers: revenue 4.2M. Keep this between us.";
    private static final String SENTINEL = "clipboard sentinel 51c2";

    private final TestPki pki = TestPki.get();
    private final Map<Long, byte[]> aliceStore = new ConcurrentHashMap<>();
    private final RecordingOutlets recorded = new RecordingOutlets();
    private final AtomicInteger printerJobs = new AtomicInteger();
    private GreenMailAccounts servers;
    private Stage stage;
    private ReaderViewModel reader;
    private ReaderView readerView;

    @Start
    void start(Stage primary) {
        this.stage = primary;
        InMemoryKeyRing aliceKeys = new InMemoryKeyRing();
        aliceKeys.addKey(pki.alice);
        aliceKeys.addAnchor(pki.root.issuer().certificate());
        StoredMessageOpener opener = new StoredMessageOpener(aliceStore::get, aliceKeys, new InMemoryUseLicenseCache(),
                Clock.systemUTC());
        reader = new ReaderViewModel(opener, new FxTaskExecutor(1), new ReaderViewModel.Outlets(new SystemClipboardWriter(),
                content -> {
                    printerJobs.incrementAndGet();
                    return true;
                }, recorded.outlets().saver(), recorded.outlets().compose()), UiText.english(), Clock.systemUTC(),
                () -> RemoteContentPolicy.BLOCK_AND_ASK);
        readerView = new ReaderView(reader, UiText.english(), ZoneOffset.UTC);
        primary.setScene(new Scene(readerView.root(), 900, 600));
        Theme.LIGHT.applyTo(primary.getScene());
        primary.show();
    }

    @BeforeEach
    void startServers() {
        servers = new GreenMailAccounts(BOB, ALICE);
        runFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(SENTINEL);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    @AfterEach
    void stopServers() {
        servers.close();
    }

    private Optional<X509Certificate> certificateFor(String address) {
        return address.equals(ALICE) ? Optional.of(pki.alice.certificate())
                : address.equals(BOB) ? Optional.of(pki.bob.certificate())
                : address.equals(CAROL) ? Optional.of(pki.carol.certificate()) : Optional.empty();
    }

    private ComposeViewModel composer() {
        InMemoryComposeServices drafts = new InMemoryComposeServices();
        PipelineOutbox outbox = new PipelineOutbox(id -> new SenderIdentity("Bob Example", BOB, Optional.of(pki.bob)),
                id -> new OutgoingMessagePipeline(RuleSetHolder.withoutRulesFile(),
                        address -> certificateFor(address).stream().toList(), servers.outbox(BOB), Clock.systemUTC()),
                Map.of(), Clock.systemUTC());
        CertificateRecipientDirectory directory = new CertificateRecipientDirectory(this::certificateFor,
                (prefix, limit) -> List.of(), Clock.systemUTC());
        return new ComposeViewModel(1, directory, outbox, drafts, DesktopServices.builtInTemplates(),
                new SameThreadTaskExecutor(), UiText.english());
    }

    /** Bob composes and sends with the given toggle, Alice fetches and opens. */
    private OpenedMessage sendAndOpen(java.util.function.Consumer<ComposeViewModel> protection) throws Exception {
        ComposeViewModel composer = composer();
        composer.toProperty().set("Alice Example <" + ALICE + ">");
        composer.subjectProperty().set("Q3 board numbers");
        composer.bodyProperty().set(SECRET);
        protection.accept(composer);

        assertThat(composer.send()).isTrue();
        assertThat(composer.stateProperty().get()).as(composer.errorProperty().get()).isEqualTo(ComposeViewModel.SendState.SENT);

        List<byte[]> inbox = servers.inbox(ALICE);
        assertThat(inbox).hasSize(1);
        String onTheWire = new String(inbox.get(0), StandardCharsets.UTF_8);
        assertThat(onTheWire).as("the protected text never crosses the wire in clear").doesNotContain("revenue 4.2M");
        assertThat(onTheWire).contains("X-Sealmail-Protection");
        aliceStore.put(1L, inbox.get(0));

        runFx(() -> reader.open(1));
        waitUntil(() -> !reader.loadingProperty().get() && reader.currentMessage().isPresent());
        return onFx(() -> reader.currentMessage().orElseThrow());
    }

    private String clipboard() {
        return onFx(() -> Clipboard.getSystemClipboard().getString());
    }

    private SandboxedWebView part() {
        SandboxedWebView part = onFx(() -> readerView.partViews().get(0));
        waitLoaded(part);
        return part;
    }

    @Test
    void doNotForwardArrivesProtectedAndRefusesCopyPrintForwardAndSave(FxRobot robot) throws Exception {
        OpenedMessage message = sendAndOpen(composer -> composer.doNotForwardProperty().set(true));

        RightsProtection protection = (RightsProtection) message.protection();
        assertThat(protection.outcome()).isEqualTo(RightsProtection.Outcome.OPENED);
        assertThat(protection.templateName()).isEqualTo("Do Not Forward");
        assertThat(protection.granted()).containsExactlyInAnyOrder(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL);
        assertThat(message.parts().get(0).content()).contains(SECRET);

        SandboxedWebView part = part();
        robot.clickOn(part);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.CONTROL, KeyCode.C);
        robot.push(KeyCode.CONTROL, KeyCode.INSERT);
        robot.push(KeyCode.SHORTCUT, KeyCode.C);
        runFx(() -> part.webView().fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                10, 10, 100, 100, false, null)));
        robot.clickOn(robot.fromAll().lookup(".context-menu .menu-item").<javafx.scene.Node>query());
        assertThat(onFx(readerView::copySelection)).isEqualTo(CommandResult.refused("reader.refused.copy"));
        assertThat(clipboard()).isEqualTo(SENTINEL);

        assertThat(onFx(readerView::printCurrent)).isEqualTo(CommandResult.refused("reader.refused.print"));
        assertThat(onFx(() -> reader.forward())).isEqualTo(CommandResult.refused("reader.refused.forward"));
        assertThat(printerJobs.get()).isZero();
        assertThat(recorded.composed).isEmpty();
        assertThat(onFx(() -> reader.reply().done())).as("reply stays allowed").isTrue();
        onFx(() -> Screenshots.save(stage.getScene(), "roundtrip-do-not-forward-as-recipient"));
    }

    @Test
    void doNotForwardWithABccRecipientIsHeldAndNothingIsSent() throws Exception {
        ComposeViewModel composer = composer();
        composer.toProperty().set(ALICE);
        composer.bccProperty().set(CAROL);
        composer.subjectProperty().set("Q3 board numbers");
        composer.bodyProperty().set(SECRET);
        composer.doNotForwardProperty().set(true);

        assertThat(composer.send()).isTrue();

        assertThat(composer.stateProperty().get()).isEqualTo(ComposeViewModel.SendState.FAILED);
        assertThat(composer.errorProperty().get()).startsWith("Sending failed: ").contains("Bcc");
        assertThat(servers.inbox(ALICE)).isEmpty();
    }

    @Test
    void encryptArrivesProtectedAndLetsForwardAndCopyThrough(FxRobot robot) throws Exception {
        OpenedMessage message = sendAndOpen(composer -> composer.encryptProperty().set(true));

        RightsProtection protection = (RightsProtection) message.protection();
        assertThat(protection.templateName()).isEqualTo("Encrypt");
        assertThat(protection.granted()).contains(UsageRight.FORWARD, UsageRight.EXTRACT, UsageRight.PRINT)
                .doesNotContain(UsageRight.EXPORT);

        SandboxedWebView part = part();
        robot.clickOn(part);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.CONTROL, KeyCode.C);
        assertThat(clipboard()).contains(SECRET);

        assertThat(onFx(() -> reader.forward().done())).isTrue();
        assertThat(recorded.composed).containsExactly("forward:Q3 board numbers");
        assertThat(onFx(readerView::printCurrent).done()).isTrue();
        assertThat(printerJobs.get()).isEqualTo(1);
    }
}

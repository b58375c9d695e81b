package org.sealmail.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.runFx;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.app.ui.compose.ComposeWindow;
import org.sealmail.app.ui.main.SampleMailbox;
import org.sealmail.app.ui.memory.InMemoryComposeServices;
import org.sealmail.app.ui.memory.InMemoryKeyRing;
import org.sealmail.app.ui.memory.InMemoryMessages;
import org.sealmail.app.ui.memory.InMemoryPreferences;
import org.sealmail.app.ui.reader.OpenedMessage;
import org.sealmail.app.ui.reader.SampleMessages;
import org.sealmail.app.ui.reader.SignatureCheck;
import org.sealmail.app.ui.setup.DiscoveredServers;
import org.sealmail.app.ui.setup.AccountSetupService;
import org.sealmail.app.ui.setup.NewAccount;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Saves screenshots of the main window, the reader (plain, S/MIME valid, S/MIME invalid, Do Not
 * Forward, expired), the composer, settings and setup to {@code target/screenshots/} so a person
 * can review them. Every service is FX-thread guarded, so the run also proves no store call
 * happens on the UI thread while all these screens are built.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsFxTest {

    private DesktopClient client;
    private Stage stage;
    private InMemoryComposeServices compose;

    @Start
    void start(Stage primary) {
        this.stage = primary;
        InMemoryMessages messages = new InMemoryMessages();
        messages.put(withId(SampleMessages.doNotForward(), 101));
        messages.put(withId(SampleMessages.smime(SampleMessages.validSignature()), 102));
        messages.put(withId(SampleMessages.smime(new SignatureCheck(SignatureCheck.Outcome.BAD_SIGNATURE,
                "Alice Example", "alice@example.org", true, true, true, "message digest mismatch")), 103));
        messages.put(withId(SampleMessages.html("<h2 style=\"color:#1f5fbf\">November news</h2><p>Our <b>new</b> "
                + "offers are here.</p><img src=\"https://tracker.example/pixel.gif\" width=1 height=1>"
                + "<p style=\"background:url(https://tracker.example/bg.png)\">Unsubscribe any time.</p>"), 104));
        messages.put(withId(SampleMessages.plain(), 105));
        compose = new InMemoryComposeServices();
        compose.addContact("Alice Example <alice@example.org>", "alice@example.org", true);
        compose.addContact("Carol <carol@example.net>", "carol@example.net", false);
        UiServices services = new UiServices(SampleMailbox.create(), messages, compose, compose, compose,
                List.of(new org.sealmail.app.ui.compose.TemplateOption("encrypt", "Encrypt", true),
                        new org.sealmail.app.ui.compose.TemplateOption("do-not-forward", "Do Not Forward", true),
                        new org.sealmail.app.ui.compose.TemplateOption("board", "Board only (30 days)", false)),
                new InMemoryKeyRing(), new InMemoryPreferences(), new AccountSetupService() {
                    @Override
                    public DiscoveredServers discover(String address) {
                        return new DiscoveredServers(Optional.of(new org.sealmail.app.ui.setup.ServerEndpoint(
                                "imap.example.org", 993, org.sealmail.app.ui.setup.ServerEndpoint.Security.IMPLICIT_TLS)),
                                Optional.empty(), Optional.of(address), "autoconfig.example.org");
                    }

                    @Override
                    public void create(NewAccount account) {
                    }
                }, new org.sealmail.app.ui.rules.ProfileRules(org.sealmail.app.ui.rules.ProfileRules.loadAtStart(
                        temporaryProfile())));
        client = new DesktopClient(services.guarded(), new FxTaskExecutor(2), UiText.english(),
                Clock.fixed(SampleMessages.NOW, ZoneOffset.UTC), url -> { });
        primary.setWidth(1280);
        primary.setHeight(820);
        client.showMainWindow(primary);
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("sealmail-screenshots");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static OpenedMessage withId(OpenedMessage message, long id) {
        return new OpenedMessage(id, message.from(), message.to(), message.cc(), message.subject(), message.date(),
                message.protection(), message.parts(), message.attachments());
    }

    private void selectRow(int index) {
        runFx(() -> client.mainWindow().messageTable().requestFocus());
        waitUntil(() -> client.mainWindow().messageTable().getItems().size() > index
                && client.mainWindow().messageTable().getItems().get(index) != null);
        runFx(() -> client.mainWindow().messageTable().getSelectionModel().select(index));
        waitUntil(() -> client.readerModel().currentMessage().isPresent() && !client.readerModel().loadingProperty().get());
        waitPartsLoaded();
    }

    private void waitPartsLoaded() {
        waitUntil(() -> client.readerView().partViews().stream()
                .allMatch(view -> view.loadStateProperty().get() == Worker.State.SUCCEEDED));
    }

    private Path shoot(Scene scene, String name) {
        Path file = onFx(() -> Screenshots.save(scene, name));
        assertThat(file).isRegularFile();
        return file;
    }

    @Test
    void savesScreenshotsOfEveryMainScreen() throws Exception {
        Scene main = onFx(stage::getScene);
        selectRow(4);
        shoot(main, "main-window");
        shoot(main, "reader-plain");

        selectRow(1);
        assertThat(onFx(() -> List.copyOf(client.mainWindow().messageTable().getSelectionModel().getSelectedIndices())))
                .as("marking the message read keeps it selected").containsExactly(1);
        assertThat(onFx(() -> client.readerView().root().lookup(".protection-headline").toString())).contains("Signed by");
        shoot(main, "reader-smime-valid");

        selectRow(2);
        shoot(main, "reader-smime-invalid");

        selectRow(0);
        shoot(main, "reader-do-not-forward");

        selectRow(3);
        shoot(main, "reader-html-remote-blocked");

        runFx(() -> client.readerModel().show(SampleMessages.expired()));
        waitPartsLoaded();
        shoot(main, "reader-expired");

        ComposeWindow composer = onFx(client::newMessage);
        runFx(() -> {
            javafx.scene.control.TextField to = (javafx.scene.control.TextField) composer.root().lookup("#toField");
            to.setText("Alice Example <alice@example.org>, carol@example.net");
            ((javafx.scene.control.TextField) composer.root().lookup("#subjectField")).setText("Board numbers for Q3");
            ((javafx.scene.control.TextArea) composer.root().lookup("#plainBody"))
                    .setText("Hi Alice, hi Carol,\n\nthe numbers are attached. Please keep them to yourselves.\n\nBob");
            ((javafx.scene.control.ToggleButton) composer.root().lookup("#doNotForwardToggle")).setSelected(true);
            ((javafx.scene.control.Button) composer.root().lookup("#sendButton")).fire();
        });
        waitUntil(() -> composer.root().lookup(".compose-blocked").isVisible());
        shoot(composer.root().getScene(), "composer-do-not-forward-blocked");
        runFx(() -> ((Stage) composer.root().getScene().getWindow()).close());

        Path p12 = org.sealmail.crypto.testing.TestPki.writeP12(Files.createTempDirectory(
                Screenshots.directory().getParent(), "pki"), "alice", org.sealmail.crypto.testing.TestPki.get().alice);
        var settings = onFx(client::openSettings);
        runFx(() -> client.settingsModel().importPkcs12(p12, org.sealmail.crypto.testing.TestPki.PASSWORD.toCharArray()));
        waitUntil(() -> !client.settingsModel().ownKeys().isEmpty());
        runFx(() -> ((javafx.scene.control.ListView<?>) settings.root().lookup(".list-view")).getSelectionModel().select(0));
        shoot(settings.root().getScene(), "settings");
        runFx(() -> ((Stage) settings.root().getScene().getWindow()).close());

        var wizard = onFx(client::openAccountSetup);
        shoot(wizard.root().getScene(), "account-setup");
        runFx(() -> ((Stage) wizard.root().getScene().getWindow()).close());

        var rules = onFx(client::openProtectionRules);
        waitUntil(() -> !((javafx.scene.control.Label) rules.root().lookup(".rules-status")).getText().isEmpty());
        runFx(() -> {
            ((javafx.scene.control.TextArea) rules.root().lookup(".rules-text")).setText("""
                    # Protection rules of example.org
                    organization example.org

                    rule "Card numbers leave the company"
                      when sensitive card >= 1
                      when recipient outside
                      then template do-not-forward

                    rule "Payroll"
                      when attachment name payroll*.csv
                      then block "Payroll files may not be mailed. Use the HR portal."

                    rule "Address lists"
                      when sensitive email-addresses >= 50
                      then warn "Many e-mail addresses: use Bcc."

                    rule "Legal"
                      when subject matches /case no\\. (\\d+/
                      then template legl
                    """);
            ((javafx.scene.control.Button) rules.root().lookup("#validateButton")).fire();
        });
        waitUntil(() -> !((javafx.scene.control.ListView<?>) rules.root().lookup(".rules-problems")).getItems().isEmpty());
        runFx(() -> {
            javafx.scene.control.TextArea area = (javafx.scene.control.TextArea) rules.root().lookup(".rules-text");
            area.setText(area.getText().replace("(\\d+/", "\\d+/").replace("template legl", "template encrypt"));
            ((javafx.scene.control.TextField) rules.root().lookup("#testRecipientsField")).setText("carol@example.net");
            ((javafx.scene.control.TextArea) rules.root().lookup("#testMessageArea"))
                    .setText("Please book it on my Visa 4111 1111 1111 1111, exp 12/27.");
            ((javafx.scene.control.Button) rules.root().lookup("#testPastedButton")).fire();
        });
        waitUntil(() -> !((javafx.scene.control.ListView<?>) rules.root().lookup(".rules-test-results")).getItems().isEmpty());
        shoot(rules.root().getScene(), "rules-editor");
        runFx(() -> ((Stage) rules.root().getScene().getWindow()).close());

        runFx(() -> Theme.DARK.applyTo(main));
        runFx(() -> client.readerView().setDarkDocuments(true));
        selectRow(0);
        shoot(main, "main-window-dark");

        assertThat(Files.list(Screenshots.directory()).filter(p -> p.toString().endsWith(".png")).count())
                .isGreaterThanOrEqualTo(12);
    }
}

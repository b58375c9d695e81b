package org.sealmail.app.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.runFx;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.app.ui.DesktopClient;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.UiServices;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.compose.ComposeWindow;
import org.sealmail.app.ui.main.SampleMailbox;
import org.sealmail.app.ui.memory.InMemoryComposeServices;
import org.sealmail.app.ui.memory.InMemoryKeyRing;
import org.sealmail.app.ui.memory.InMemoryMessages;
import org.sealmail.app.ui.memory.InMemoryPreferences;
import org.sealmail.app.ui.setup.AccountSetupService;
import org.sealmail.app.ui.setup.DiscoveredServers;
import org.sealmail.app.ui.setup.NewAccount;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A rules file that fails to parse when the client starts: the main window says so and that
 * sending is held, the composer shows the hold, Tools → Protection Rules… opens the editor, and
 * saving a fixed file lifts the hold.
 */
@ExtendWith(ApplicationExtension.class)
class RulesAtStartFxTest {

    private RulesFixture fixture;
    private Stage primary;
    private DesktopClient client;

    @Start
    void start(Stage stage) throws Exception {
        primary = stage;
        fixture = new RulesFixture(Files.createTempDirectory("sealmail-rules-start"),
                RulesFixture.RULES.replace("then template do-not-forward", "then template do-not-forwrd"));
        InMemoryComposeServices compose = new InMemoryComposeServices();
        UiServices services = new UiServices(SampleMailbox.create(), new InMemoryMessages(), compose, fixture.pipelineOutbox,
                compose, DesktopServices.builtInTemplates(), new InMemoryKeyRing(), new InMemoryPreferences(),
                new AccountSetupService() {
                    @Override
                    public DiscoveredServers discover(String address) {
                        return DiscoveredServers.nothing();
                    }

                    @Override
                    public void create(NewAccount account) {
                    }
                }, fixture.rules());
        client = new DesktopClient(services.guarded(), new FxTaskExecutor(2), UiText.english(), Clock.systemUTC(), url -> { });
        client.showMainWindow(stage);
    }

    private Label banner(FxRobot robot) {
        return robot.lookup(".rules-banner").queryAs(Label.class);
    }

    private static Optional<Stage> windowTitled(String title) {
        return Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> title.equals(stage.getTitle())).findFirst();
    }

    @Test
    void theClientSaysTheRulesFailedHoldsSendingAndAFixSavedInTheEditorLiftsTheHold(FxRobot robot) {
        waitUntil(() -> banner(robot).isVisible());
        assertThat(onFx(() -> banner(robot).getText()))
                .startsWith("The protection rules could not be loaded, so sending is held: " + fixture.profile
                        .resolve("policy/protection.rules") + ":8: unknown template 'do-not-forwrd'")
                .endsWith(". Open Tools \u2192 Protection Rules\u2026 to fix them.");

        ComposeWindow composer = onFx(client::newMessage);
        waitUntil(() -> composer.root().lookup(".compose-rules").isVisible());
        assertThat(robot.from(composer.root()).lookup(".compose-rules .label").queryAllAs(Label.class))
                .extracting(Label::getText).anyMatch(line -> line.startsWith("Held, not sent: no rules are in force: "));

        runFx(() -> robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(menu -> menu.getText().equals("_Tools")).findFirst().orElseThrow().getItems().get(0).fire());
        waitUntil(() -> windowTitled("Protection Rules").isPresent());
        Stage editor = onFx(() -> windowTitled("Protection Rules").orElseThrow());
        TextArea text = onFx(() -> (TextArea) editor.getScene().getRoot().lookup(".rules-text"));
        waitUntil(() -> text.getText().contains("do-not-forwrd"));
        runFx(() -> text.setText(RulesFixture.RULES));
        runFx(() -> ((Button) editor.getScene().getRoot().lookup("#saveButton")).fire());

        waitUntil(() -> !banner(robot).isVisible());
        assertThat(fixture.holder.current().orElseThrow().rules()).hasSize(5);
        runFx(editor::close);
    }
}

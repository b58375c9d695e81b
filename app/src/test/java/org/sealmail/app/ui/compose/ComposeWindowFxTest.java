package org.sealmail.app.ui.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.runFx;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The composer window: toggles, per-recipient readiness, the blocked list and sending with Ctrl+Enter. */
@ExtendWith(ApplicationExtension.class)
class ComposeWindowFxTest {

    private final FakeComposeServices services = new FakeComposeServices();
    private ComposeViewModel model;
    private ComposeWindow window;
    private Stage stage;

    @Start
    void start(Stage ignored) {
        model = new ComposeViewModel(1, services, services, services, List.of(
                new TemplateOption("encrypt", "Encrypt", true), new TemplateOption("do-not-forward", "Do Not Forward", true),
                new TemplateOption("board", "Board only", false)), new FxTaskExecutor(1), UiText.english());
        window = new ComposeWindow(model, UiText.english(), "bob@example.org");
        stage = window.show(null, Theme.LIGHT);
    }

    private ToggleButton toggle(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(ToggleButton.class);
    }

    @Test
    void theTogglesShowOneRightsTemplateAtATimeAndExcludeSmime(FxRobot robot) {
        robot.clickOn(toggle(robot, "signToggle"));
        robot.clickOn(toggle(robot, "encryptToggle"));
        assertThat(toggle(robot, "signToggle").isSelected()).isFalse();
        robot.clickOn(toggle(robot, "doNotForwardToggle"));

        assertThat(toggle(robot, "encryptToggle").isSelected()).isFalse();
        assertThat(toggle(robot, "doNotForwardToggle").isSelected()).isTrue();
        assertThat(onFx(() -> model.protection().templateId())).contains("do-not-forward");
    }

    @Test
    void eachRecipientShowsWhetherItCanBeProtectedAndSendingIsBlockedWithAList(FxRobot robot) {
        robot.clickOn("#toField").write("alice@example.org, carol@example.net");
        robot.clickOn(toggle(robot, "smimeEncryptToggle"));
        waitUntil(() -> robot.lookup(".recipient-status .label").queryAll().size() == 2);

        assertThat(robot.lookup(".recipient-status .label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("alice@example.org: can be protected", "carol@example.net: no certificate known");

        robot.clickOn("#subjectField");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);

        waitUntil(() -> robot.lookup(".compose-blocked").query().isVisible());
        assertThat(robot.lookup(".compose-blocked .label").queryAllAs(Label.class)).extracting(Label::getText).contains(
                "\u2022 No certificate is known for carol@example.net, so the message cannot be encrypted for them.");
        assertThat(services.sent).isEmpty();
    }

    @Test
    void ctrlEnterSendsThroughTheOutboxAndShowsTheOutcome(FxRobot robot) {
        robot.clickOn("#toField").write("bob@example.org");
        robot.clickOn("#subjectField").write("Numbers");
        robot.clickOn(toggle(robot, "encryptToggle"));
        waitUntil(() -> model.blockedReasons().isEmpty());

        robot.push(KeyCode.CONTROL, KeyCode.ENTER);

        waitUntil(() -> model.stateProperty().get() == ComposeViewModel.SendState.SENT);
        assertThat(services.sent).hasSize(1);
        assertThat(services.sent.get(0).protection().templateId()).contains("encrypt");
        assertThat(robot.lookup(".compose-status .label").queryAllAs(Label.class)).extracting(Label::getText).contains("Sent.");
        assertThat(robot.lookup("#sendButton").queryButton().isDisabled()).isTrue();
        assertThat(onFx(stage::getTitle)).isEqualTo("Write: Numbers");
    }

    @Test
    void ctrlSSavesADraft(FxRobot robot) {
        robot.clickOn("#subjectField").write("Draft");
        robot.push(KeyCode.CONTROL, KeyCode.S);

        waitUntil(() -> !services.savedDrafts.isEmpty());
        assertThat(services.savedDrafts.get(0).subject()).isEqualTo("Draft");
        runFx(() -> ((TextField) robot.lookup("#subjectField").query()).setText("Draft 2"));
        assertThat(onFx(() -> model.dirtyProperty().get())).isTrue();
    }

    @Test
    void filesDroppedOnTheComposerBecomeAttachments(FxRobot robot) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("sealmail-drop", ".txt");
        java.nio.file.Files.writeString(file, "twelve bytes");
        file.toFile().deleteOnExit();
        Label source = onFx(() -> {
            Label label = new Label("numbers.txt");
            label.setOnDragDetected(event -> {
                javafx.scene.input.Dragboard board = label.startDragAndDrop(javafx.scene.input.TransferMode.COPY);
                javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                content.putFiles(List.of(file.toFile()));
                board.setContent(content);
                event.consume();
            });
            // A file source in the same window: Monocle delivers a drag gesture within one window only.
            window.root().getChildren().add(0, label);
            return label;
        });

        robot.drag(source).dropTo("#fromLabel");

        waitUntil(() -> onFx(() -> model.attachments().size() == 1));
        assertThat(onFx(() -> model.attachments().get(0).fileName())).isEqualTo(file.getFileName().toString());
        assertThat(onFx(() -> model.attachments().get(0).bytes())).hasSize(12);
        assertThat(robot.lookup(".attachment-chip .label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly(file.getFileName() + " (12 B)");
    }

    @Test
    void theTemplateMenuListsCustomTemplatesBesideTheBuiltInToggles(FxRobot robot) {
        robot.clickOn("#templateMenu");
        robot.clickOn("Board only");

        assertThat(onFx(() -> model.protection().templateId())).contains("board");
        assertThat(toggle(robot, "encryptToggle").isSelected()).isFalse();
        assertThat(robot.lookup("#templateMenu").queryAs(javafx.scene.control.MenuButton.class).getText()).isEqualTo("Board only");

        robot.clickOn(toggle(robot, "doNotForwardToggle"));
        assertThat(onFx(() -> model.protection().templateId())).contains("do-not-forward");
        assertThat(robot.lookup("#templateMenu").queryAs(javafx.scene.control.MenuButton.class).getText())
                .isEqualTo(UiText.english().get("compose.templates"));
    }
}

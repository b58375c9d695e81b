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
}

package org.sealmail.app.ui.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.rules.RulesFixture;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The composer window over the real send path: a card number typed in the body fires the rule,
 * the window shows rule, action, type and count (and never the number), switches to Do Not
 * Forward and locks it; the second Send queues the protected message.
 */
@ExtendWith(ApplicationExtension.class)
class ComposeRulesFxTest {

    private RulesFixture fixture;
    private ComposeViewModel model;
    private Stage stage;
    private ComposeWindow window;

    @Start
    void start(Stage ignored) throws Exception {
        fixture = new RulesFixture(Files.createTempDirectory("sealmail-compose-rules"), RulesFixture.RULES);
        model = fixture.composer(new FxTaskExecutor(1));
        window = new ComposeWindow(model, UiText.english(), "alice@example.test");
        stage = window.show(null, Theme.LIGHT);
    }

    private ToggleButton toggle(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(ToggleButton.class);
    }

    /** Every text the scene graph shows outside the body editor (whose own text is the body). */
    private static List<String> shownText(Node node, Node body) {
        List<String> texts = new ArrayList<>();
        if (node == body) {
            return texts;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof Text shown && shown.getText() != null) {
            texts.add(shown.getText());
        }
        if (node instanceof TextInputControl input) {
            texts.add(input.getText());
            texts.add(input.getPromptText());
        }
        if (node instanceof Control control && control.getTooltip() != null) {
            texts.add(control.getTooltip().getText());
        }
        if (node instanceof MenuButton menu) {
            menu.getItems().forEach(item -> texts.add(item.getText()));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                texts.addAll(shownText(child, body));
            }
        }
        return texts;
    }

    @Test
    void aCardNumberInTheBodyShowsTheRuleTypeAndCountButNeverTheNumberAndLocksDoNotForward(FxRobot robot) {
        robot.clickOn("#toField").write("bob@example.test");
        robot.clickOn("#subjectField").write("Booking");
        robot.clickOn("#plainBody").write("Visa " + RulesFixture.CARD);

        robot.push(KeyCode.CONTROL, KeyCode.ENTER);

        waitUntil(() -> robot.lookup(".compose-rules").query().isVisible() && toggle(robot, "doNotForwardToggle").isSelected());
        assertThat(robot.lookup(".compose-rules .label").queryAllAs(Label.class)).extracting(Label::getText).containsExactly(
                "Protection rules for this message:",
                "Rule \u201cCards leave the company\u201d: protect with Do Not Forward", "    Payment card numbers: 1",
                "    \u201crecipient outside\u201d: 1",
                "It will be sent protected with Do Not Forward (rule \u201cCards leave the company\u201d).",
                "Rule \u201cCards leave the company\u201d requires Do Not Forward: the protection was set to it and cannot be"
                        + " lowered for this message.");
        assertThat(toggle(robot, "doNotForwardToggle").isDisabled()).isTrue();
        assertThat(toggle(robot, "encryptToggle").isDisabled()).isTrue();
        assertThat(toggle(robot, "signToggle").isDisabled()).isTrue();
        assertThat(fixture.outbox).isEmpty();
        assertThat(onFx(() -> org.sealmail.app.ui.Screenshots.save(stage.getScene(), "composer-rules-do-not-forward")))
                .isRegularFile();

        List<String> shown = onFx(() -> {
            List<String> all = shownText(stage.getScene().getRoot(), robot.lookup("#plainBody").query());
            all.add(stage.getTitle());
            return all;
        });
        assertThat(shown).isNotEmpty().noneMatch(text -> text != null && (text.contains("4111")
                || text.replaceAll("\\D", "").contains("4111111111111111")));
        assertThat(onFx(() -> shownText(stage.getScene().getRoot(), null))).as("the walk reaches the body's own text nodes")
                .anyMatch(text -> text != null && text.contains(RulesFixture.CARD));

        robot.push(KeyCode.CONTROL, KeyCode.ENTER);

        waitUntil(() -> model.stateProperty().get() == ComposeViewModel.SendState.SENT);
        assertThat(fixture.outbox).hasSize(1);
        assertThat(fixture.outbox.get(0).protectionTemplateId()).contains("do-not-forward");
        assertThat(new String(fixture.outbox.get(0).message(), StandardCharsets.US_ASCII)).doesNotContain("4111");
    }
}

package org.sealmail.app.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.runFx;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The rules editor window: Validate lists problems that jump to their line, Save refuses a broken file, the test pane. */
@ExtendWith(ApplicationExtension.class)
class RulesEditorWindowFxTest {

    private RulesFixture fixture;
    private Stage stage;

    @Start
    void start(Stage ignored) throws Exception {
        fixture = new RulesFixture(Files.createTempDirectory("sealmail-rules-editor"), RulesFixture.RULES);
        RulesEditorViewModel model = new RulesEditorViewModel(fixture.rules(), new FxTaskExecutor(1), UiText.english());
        stage = new RulesEditorWindow(model, UiText.english()).show(null, Theme.LIGHT);
    }

    private TextArea editor(FxRobot robot) {
        return robot.lookup(".rules-text").queryAs(TextArea.class);
    }

    private String status(FxRobot robot) {
        return onFx(() -> robot.lookup(".rules-status").queryAs(Label.class).getText());
    }

    @Test
    void validateListsTheProblemsAndSelectingOneSelectsItsLine(FxRobot robot) {
        waitUntil(() -> editor(robot).getText().equals(RulesFixture.RULES));
        assertThat(onFx(stage::getTitle)).isEqualTo("Protection Rules");
        runFx(() -> editor(robot).setText(RulesFixture.RULES.replace("then template do-not-forward",
                "then template do-not-forwrd").replace("/((a+)+)+$/", "/((a+)+$/")));
        assertThat(onFx(stage::getTitle)).isEqualTo("Protection Rules (modified)");

        robot.clickOn("#validateButton");

        ListView<?> problems = robot.lookup(".rules-problems").queryAs(ListView.class);
        waitUntil(() -> problems.getItems().size() == 2);
        assertThat(status(robot)).isEqualTo("2 problems: see the list.");
        ListCell<?> second = robot.lookup(".rules-problems .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getText() != null && cell.getText().startsWith("Line 24:")).findFirst().orElseThrow();
        assertThat(second.getText()).isEqualTo("Line 24: invalid regular expression /((a+)+$/: Unclosed group near index 7");
        robot.clickOn(second);
        assertThat(onFx(() -> editor(robot).getSelectedText())).isEqualTo("  when body matches /((a+)+$/");
    }

    @Test
    void saveRefusesABrokenFileAndKeepsTheRulesInForce(FxRobot robot) throws Exception {
        waitUntil(() -> editor(robot).getText().equals(RulesFixture.RULES));
        runFx(() -> editor(robot).setText("rule \"x\"\n  when always\n"));

        robot.clickOn("#saveButton");

        waitUntil(() -> status(robot).startsWith("Not saved"));
        assertThat(status(robot)).isEqualTo("Not saved: 1 problem (see the list). The file and the rules in force are"
                + " unchanged.");
        assertThat(Files.readString(ProfileRules.location(fixture.profile))).isEqualTo(RulesFixture.RULES);
        assertThat(fixture.holder.current().orElseThrow().rules()).hasSize(5);
    }

    @Test
    void theTestPaneShowsWhichRulesFireWithTypeAndCount(FxRobot robot) {
        waitUntil(() -> editor(robot).getText().equals(RulesFixture.RULES));
        robot.clickOn("#testRecipientsField").write("bob@example.test");
        runFx(() -> ((TextArea) robot.lookup("#testMessageArea").query()).setText("Visa " + RulesFixture.CARD));

        robot.clickOn("#testPastedButton");

        ListView<?> results = robot.lookup(".rules-test-results").queryAs(ListView.class);
        waitUntil(() -> !results.getItems().isEmpty());
        assertThat(onFx(() -> results.getItems().stream().map(String::valueOf).toList())).containsExactly(
                "Rule \u201cCards leave the company\u201d: protect with Do Not Forward", "    Payment card numbers: 1",
                "    \u201crecipient outside\u201d: 1", "It will be sent protected with Do Not Forward (rule \u201cCards leave the company\u201d).");
        assertThat(onFx(() -> robot.lookup("#testRecipientsField").queryAs(TextField.class).getText()))
                .isEqualTo("bob@example.test");
    }
}

package org.sealmail.app.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.FxTestSupport;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.profile.ProfileSecrets;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;
import org.sealmail.mailstore.secrets.SecretStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The master password window at start: a wrong password says so in words, clears the field and
 * lets the user try again; the right one opens the password file; a new file needs the password
 * twice.
 */
@ExtendWith(ApplicationExtension.class)
class UnlockWindowFxTest {

    @TempDir
    Path profile;

    private Stage stage;
    private final AtomicReference<SecretStore> unlocked = new AtomicReference<>();

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    private void show(boolean creating) {
        ProfileSecrets secrets = new ProfileSecrets(profile);
        FxTestSupport.runFx(() -> new UnlockWindow(new UnlockViewModel(secrets::unlock, creating, new FxTaskExecutor(1),
                UiText.english(), unlocked::set), UiText.english()).show(stage, Theme.LIGHT, "Sealmail"));
    }

    private String error(FxRobot robot) {
        return onFx(() -> robot.lookup(".form-error").queryAs(Label.class).getText());
    }

    @Test
    void aWrongMasterPasswordSaysSoAndTheRightOneUnlocks(FxRobot robot) {
        PasswordFileSecretStore.open(profile.resolve(PasswordFileSecretStore.FILE_NAME), "right horse".toCharArray())
                .write("account/1/imap", "imap-secret".toCharArray());
        show(false);

        robot.clickOn("#masterPasswordField").write("wrong horse");
        robot.clickOn("#unlockButton");
        waitUntil(() -> !error(robot).isEmpty());

        assertThat(error(robot)).isEqualTo("The master password is wrong. Please try again.");
        assertThat(onFx(() -> robot.lookup("#masterPasswordField").queryAs(PasswordField.class).getText())).isEmpty();
        assertThat(unlocked.get()).isNull();

        robot.clickOn("#masterPasswordField").write("right horse");
        robot.clickOn("#unlockButton");
        waitUntil(() -> unlocked.get() != null);

        assertThat(unlocked.get().read("account/1/imap")).hasValueSatisfying(
                secret -> assertThat(new String(secret)).isEqualTo("imap-secret"));
    }

    @Test
    void aNewPasswordFileNeedsTheSamePasswordTwice(FxRobot robot) {
        show(true);

        robot.clickOn("#masterPasswordField").write("new horse");
        robot.clickOn("#masterConfirmField").write("new hose");
        robot.clickOn("#unlockButton");

        assertThat(error(robot)).isEqualTo("The two passwords differ. Please type the same password twice.");
        assertThat(unlocked.get()).isNull();

        robot.clickOn("#masterPasswordField").write("new horse");
        robot.clickOn("#masterConfirmField").write("new horse");
        robot.clickOn("#unlockButton");
        waitUntil(() -> unlocked.get() != null);
    }
}

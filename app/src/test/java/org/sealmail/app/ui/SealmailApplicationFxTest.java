package org.sealmail.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.profile.ProfileSecrets;
import org.sealmail.mailstore.secrets.KeyringSecretStore;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The application's start on a machine without an OS keyring: it asks for a new master
 * password, creates the profile's password file with it, starts the services and shows the main
 * window; the store key now sits in the password file.
 */
class SealmailApplicationFxTest {

    @TempDir
    Path profile;

    private DesktopServices services;
    private javafx.application.Application application;

    @AfterEach
    void stop() throws Exception {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        FxToolkit.cleanupStages();
        if (services != null) {
            services.close();
        }
    }

    @Test
    void withoutAKeyringTheMasterPasswordIsAskedAndThenTheMainWindowOpens() throws Exception {
        assumeTrue(KeyringSecretStore.probe(profile).isEmpty(), "this machine has an OS keyring");
        assumeTrue(System.getenv(ProfileSecrets.MASTER_ENV) == null, ProfileSecrets.MASTER_ENV + " is set");
        Stage primary = FxToolkit.registerPrimaryStage();
        services = DesktopServices.open(profile);
        SealmailApplication.prepare(services);
        application = FxToolkit.setupApplication(SealmailApplication::new);
        FxRobot robot = new FxRobot();

        waitUntil(() -> onFx(() -> primary.getScene() != null && primary.getScene().lookup("#masterPasswordField") != null));
        robot.clickOn("#masterPasswordField").write("a new horse");
        robot.clickOn("#masterConfirmField").write("a new horse");
        robot.clickOn("#unlockButton");

        waitUntil(() -> onFx(() -> primary.getScene().lookup("#messageTable") != null));
        assertThat(onFx(primary::getTitle)).isEqualTo("Sealmail");
        assertThat(Files.exists(profile.resolve(PasswordFileSecretStore.FILE_NAME))).isTrue();
        assertThat(new ProfileSecrets(profile).unlock("a new horse".toCharArray()).read("store-key")).isPresent();
        assertThat(onFx(() -> Window.getWindows().size())).isEqualTo(1);
    }
}

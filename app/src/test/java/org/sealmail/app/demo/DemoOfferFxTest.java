package org.sealmail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.app.ui.DesktopClient;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.UiServices;
import org.sealmail.app.ui.profile.ProfileSecrets;
import org.sealmail.app.ui.StartHook;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code ./sealmail} on a profile without any account: the window offers the demo; accepting it
 * switches the same window to bob's demo mailbox with the demo title and banner.
 */
@ExtendWith(ApplicationExtension.class)
class DemoOfferFxTest {

    private Path work;
    private Stage stage;
    private DesktopServices user;
    private DemoOffer offer;
    private FxTaskExecutor executor;

    @BeforeAll
    static void ignoreOtherTestsThreads() {
        // as in DemoSessionFxTest: late GreenMail threads of other tests are not this test's business
        WaitForAsyncUtils.clearExceptions();
        WaitForAsyncUtils.autoCheckException = false;
    }

    @AfterAll
    static void checkAgain() {
        WaitForAsyncUtils.clearExceptions();
        WaitForAsyncUtils.autoCheckException = true;
    }

    @Start
    void start(Stage primary) throws Exception {
        this.stage = primary;
        work = Files.createTempDirectory("sealmail-offer-fx");
        offer = new DemoOffer(work.resolve("demo"));
        user = DesktopServices.open(work.resolve("profile"))
                .useSecrets(ProfileSecrets.preset(work.resolve("profile"), "user master password"));
        UiServices services = user.start(user.secrets().withoutAsking().orElseThrow(), UiText.english()).guarded();
        executor = new FxTaskExecutor(2);
        DesktopClient client = new DesktopClient(services, executor, UiText.english(), Clock.systemUTC(), url -> { });
        client.showMainWindow(primary);
        offer.mainWindowShown(new StartHook.Context(primary, client, services, executor, UiText.english(), url -> { }));
    }

    @AfterEach
    void close() {
        offer.close();
        user.close();
        executor.close();
        DemoHome.delete(work);
    }

    @Test
    void aProfileWithoutAccountOffersTheDemoAndAcceptingItShowsBobsMailbox(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("Start the demo").queryAll().isEmpty());
        assertThat(robot.lookup("No mail account yet").tryQuery()).isPresent();

        robot.clickOn("Start the demo");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> stage.getScene().lookup("#demo-banner") != null));
        Label banner = onFx(() -> (Label) stage.getScene().lookup("#demo-banner"));
        assertThat(onFx(stage::getTitle)).isEqualTo("Sealmail \u2014 Demo");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> banner.getText().startsWith("Demo: you are ")));
        assertThat(onFx(banner::getText)).startsWith("Demo: you are bob@demo.sealmail.test");
        assertThat(Files.isRegularFile(work.resolve("demo").resolve("bob").resolve("sealmail.db"))).isTrue();
    }
}

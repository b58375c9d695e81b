package org.sealmail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.app.ui.DesktopClient;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.UiServices;
import org.sealmail.app.ui.Screenshots;
import org.sealmail.app.ui.StartHook;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.mailbox.AccountSummary;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop demo window as {@code sealmail --demo} builds it: the window shows at once with the
 * demo title and a banner saying the mail server is starting; once the in-process server and the
 * sample mail are ready (in the background) the banner names bob, alice and the server, and bob's
 * account with its INBOX appears in the folder list.
 */
@ExtendWith(ApplicationExtension.class)
class DemoSessionFxTest {

    private Path home;
    private Stage stage;
    private DemoSession session;
    private DesktopServices desktop;
    private DesktopClient client;
    private FxTaskExecutor executor;

    @Start
    void start(Stage primary) throws Exception {
        this.stage = primary;
        home = Files.createTempDirectory("sealmail-demo-fx");
        session = new DemoSession(home, Clock.systemUTC());
        desktop = session.openBobProfile();
        UiServices services = desktop.start(desktop.secrets().withoutAsking().orElseThrow(), UiText.english()).guarded();
        executor = new FxTaskExecutor(2);
        client = new DesktopClient(services, executor, UiText.english(), Clock.systemUTC(), url -> { });
        client.showMainWindow(primary);
        session.mainWindowShown(new StartHook.Context(primary, client, services, executor, UiText.english(), url -> { }));
    }

    @BeforeAll
    static void ignoreOtherTestsThreads() {
        // runs before TestFX's @Start. TestFX reports uncaught exceptions of any thread at its next wait; GreenMail handler
        // threads of earlier tests in this JVM (TLS refusals in MailCommandsTest) end late and are
        // not this test's business: it checks its own outcome explicitly
        WaitForAsyncUtils.clearExceptions();
        WaitForAsyncUtils.autoCheckException = false;
    }

    @AfterAll
    static void checkAgain() {
        WaitForAsyncUtils.clearExceptions();
        WaitForAsyncUtils.autoCheckException = true;
    }

    @AfterEach
    void close() {
        session.close();
        desktop.close();
        executor.close();
        DemoHome.delete(home);
    }

    @Test
    void theWindowSaysItIsTheDemoAndShowsBobsMailboxOnceSeeded() throws Exception {
        assertThat(onFx(stage::getTitle)).isEqualTo("Sealmail \u2014 Demo");
        Label banner = onFx(() -> (Label) stage.getScene().lookup("#demo-banner"));
        assertThat(banner).isNotNull();

        assertThat(onFx(banner::getText)).isEqualTo("Demo: starting the mail server inside Sealmail and writing sample mail\u2026");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> banner.getText().startsWith("Demo: you are ")));
        waitUntil(() -> client.mainModel().accounts().stream().map(AccountSummary::address).toList()
                .contains("bob@demo.sealmail.test"));

        assertThat(onFx(banner::getText)).startsWith("Demo: you are bob@demo.sealmail.test, reading mail from alice@demo.sealmail.test").contains("Nothing leaves this computer");
        // the window's own background sync of bob's account logs in with this run's password
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> client.mainModel().tlsActiveProperty().get()));
        assertThat(onFx(() -> client.mainModel().errorProperty().get())).doesNotContain("password");
        onFx(() -> Screenshots.save(stage.getScene(), "demo-main-window"));
    }
}

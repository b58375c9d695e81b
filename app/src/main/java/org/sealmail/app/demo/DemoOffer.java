package org.sealmail.app.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import org.sealmail.app.ui.DesktopClient;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.StartHook;
import org.sealmail.app.ui.task.TaskBuilder;

/**
 * On a start without any mail account, offers the built-in demo; when accepted, the window
 * switches to bob's demo profile with its banner ({@link DemoSession}). Closing closes what the
 * demo opened.
 */
public final class DemoOffer implements StartHook, AutoCloseable {

    private final Path home;
    private volatile DemoSession session;
    private volatile DesktopServices demoServices;

    /** @param home the demo directory used when the demo is accepted */
    public DemoOffer(Path home) {
        this.home = Objects.requireNonNull(home, "home");
    }

    @Override
    public void mainWindowShown(Context context) {
        TaskBuilder.create(() -> context.services().mailbox().accounts().stream().allMatch(a -> a.address().isEmpty()))
                .named("first start: any account?")
                .onSuccess(noAccount -> {
                    if (noAccount) {
                        offer(context);
                    }
                })
                .runOn(context.executor());
    }

    private void offer(Context context) {
        ButtonType start = new ButtonType(context.text().get("app.demo.offer.start"), ButtonBar.ButtonData.YES);
        ButtonType later = new ButtonType(context.text().get("app.demo.offer.later"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, context.text().get("app.demo.offer.text"), start, later);
        alert.initOwner(context.stage());
        alert.setHeaderText(context.text().get("app.demo.offer.title"));
        alert.setTitle(context.text().get("app.title"));
        alert.showAndWait().filter(start::equals).ifPresent(accepted -> switchToDemo(context));
    }

    /**
     * Opens bob's demo profile in the background and shows the demo in the same window.
     *
     * @param context the window
     */
    void switchToDemo(Context context) {
        DemoSession demo = new DemoSession(home, Clock.systemDefaultZone());
        session = demo;
        TaskBuilder.create(() -> {
            DemoHome.prepare(home);
            DesktopServices opened = demo.openBobProfile();
            demoServices = opened;
            return opened.start(opened.secrets().withoutAsking().orElseThrow(), context.text()).guarded();
        }).named("open the demo profile").onSuccess(services -> {
            DesktopClient client = new DesktopClient(services, context.executor(), context.text(),
                    Clock.systemDefaultZone(), context.browser());
            client.showMainWindow(context.stage());
            demo.mainWindowShown(new Context(context.stage(), client, services, context.executor(), context.text(),
                    context.browser()));
        }).onAnyError(failure -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, context.text().get("app.demo.banner.failed",
                    String.valueOf(failure.getMessage())), ButtonType.OK);
            alert.initOwner(context.stage());
            alert.show();
        }).runOn(context.executor());
    }

    /** Closes the demo's profile and server, if the demo was started. */
    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        if (demoServices != null) {
            demoServices.close();
        }
    }
}

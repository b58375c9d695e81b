package org.sealmail.app.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.GuiLauncher;
import org.sealmail.app.ui.StartupProblemDialog;
import org.sealmail.mailstore.StoreException;

/**
 * {@code sealmail --demo}: the desktop client on bob's demo profile, with the demo's banner, its
 * in-process mail server and sample mail ({@link DemoSession}).
 */
public final class DemoGui {

    private DemoGui() {
    }

    /**
     * Opens the demo window and returns when it closes.
     *
     * @param home the demo directory
     * @param err where to explain a failure to start
     * @return {@link ExitCode#OK}, or {@link ExitCode#NO_DISPLAY} (with a pointer to {@code demo --headless})
     * @throws StoreException when the demo directory or bob's store cannot be used (also shown in a dialog)
     */
    public static ExitCode launch(Path home, PrintWriter err) {
        Optional<String> problem = GuiLauncher.displayProblem(System.getenv(), System.getProperty("os.name"),
                System.getProperty("glass.platform"));
        if (problem.isPresent()) {
            err.println(noDisplayMessage(problem.get()));
            err.flush();
            return ExitCode.NO_DISPLAY;
        }
        try {
            DemoHome.prepare(home);
        } catch (StoreException e) {
            StartupProblemDialog.show(e);
            throw e;
        }
        try (DemoSession session = new DemoSession(home, Clock.systemDefaultZone())) {
            return GuiLauncher.launch(session::openBobProfile, err, session);
        }
    }

    /**
     * @param reason why there is no display
     * @return the line printed on standard error
     */
    static String noDisplayMessage(String reason) {
        return "sealmail demo: cannot open the demo window: " + reason
                + ". Run the same demo without a window: sealmail demo --headless";
    }
}

package org.sealmail.app.ui;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Application;
import org.sealmail.app.cli.ExitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop client, or explains in one line why it cannot (no display) and points to the
 * command line.
 */
public final class GuiLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);

    private GuiLauncher() {
    }

    /**
     * @param environment the process environment
     * @param osName the {@code os.name} system property
     * @param glassPlatform the {@code glass.platform} system property (Monocle runs without a display), or null
     * @return why no window can be opened, or empty when a display seems available
     */
    public static Optional<String> displayProblem(Map<String, String> environment, String osName, String glassPlatform) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        boolean usesX11OrWayland = !os.contains("win") && !os.contains("mac");
        if (!usesX11OrWayland || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        if (isBlank(environment.get("DISPLAY")) && isBlank(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.of("no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Opens the desktop client and returns when its last window closes.
     *
     * @param services opens the profile's store (called on a thread of its own while the toolkit
     *                 starts, never the JavaFX application thread); the application unlocks the
     *                 profile's secrets and starts the services over them; closed when the client exits
     * @param err where to explain a failure to start
     * @return {@link ExitCode#OK}, or {@link ExitCode#NO_DISPLAY} when there is no display or the
     *         toolkit cannot start
     * @throws org.sealmail.mailstore.StoreException when the store cannot be opened (the command
     *         line maps it to its exit code)
     */
    public static ExitCode launch(Supplier<DesktopServices> services, PrintWriter err) {
        return launch(services, err, StartHook.NONE);
    }

    /**
     * Like {@link #launch(Supplier, PrintWriter)}, with a hook run once the main window shows.
     *
     * @param services opens the profile's store (off the JavaFX thread)
     * @param err where to explain a failure to start
     * @param hook what to do once the main window shows (on the JavaFX thread)
     * @return {@link ExitCode#OK} or {@link ExitCode#NO_DISPLAY}
     * @throws org.sealmail.mailstore.StoreException when the store cannot be opened (the window
     *         shows it in a dialog first)
     */
    public static ExitCode launch(Supplier<DesktopServices> services, PrintWriter err, StartHook hook) {
        Optional<String> problem = displayProblem(System.getenv(), System.getProperty("os.name"),
                System.getProperty("glass.platform"));
        if (problem.isPresent()) {
            err.println(noDisplayMessage(problem.get()));
            err.flush();
            return ExitCode.NO_DISPLAY;
        }
        // The store opens while the toolkit starts: the window shows after the slower of the two.
        CompletableFuture<DesktopServices> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            long started = System.nanoTime();
            try {
                opening.complete(services.get());
                LOG.info("store opened in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException | Error e) {
                opening.completeExceptionally(e);
            }
        }, "sealmail-open-store");
        opener.setDaemon(true);
        opener.start();
        try {
            SealmailApplication.prepare(opening, hook);
            Application.launch(SealmailApplication.class);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("JavaFX toolkit failed to start", e);
            opening.thenAccept(DesktopServices::close);
            err.println(noDisplayMessage("the graphical toolkit could not start (" + e.getMessage() + ")"));
            err.flush();
            return ExitCode.NO_DISPLAY;
        }
        DesktopServices opened;
        try {
            opened = opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof org.sealmail.mailstore.StoreException storeProblem) {
                throw storeProblem;
            }
            throw e;
        }
        opened.close();
        return ExitCode.OK;
    }

    /**
     * @param reason why
     * @return the one-line explanation printed on standard error
     */
    static String noDisplayMessage(String reason) {
        return "sealmail: cannot open the desktop client: " + reason
                + ". Use the command line instead (sealmail --help); to watch protected mail work without a window,"
                + " run: sealmail demo --headless";
    }
}

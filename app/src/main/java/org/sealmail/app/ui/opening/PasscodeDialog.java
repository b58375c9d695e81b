package org.sealmail.app.ui.opening;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.control.TextInputDialog;
import org.sealmail.app.rights.PasscodeSource;
import org.sealmail.app.rights.RightsServerProblem;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.task.FxThreadCheck;

/**
 * The reader's passcode dialog (docs/rights-server-api.md §4): asked from the background task that opens
 * a message, it shows a small dialog on the JavaFX thread and waits for the 8 digits the rights server
 * mailed to the user. Cancelling, or anything but 8 digits, gives no passcode.
 */
public final class PasscodeDialog implements PasscodeSource {

    private final UiText text;

    /** @param text the UI texts */
    public PasscodeDialog(UiText text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /** @throws RightsServerProblem {@link PasscodeSource#NOT_FOUND} when cancelled or not 8 digits */
    @Override
    public String passcode(String contentId, String licensee, Instant expiresAt) {
        FxThreadCheck.requireBackgroundThread("waiting for the passcode");
        CompletableFuture<Optional<String>> typed = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                TextInputDialog dialog = new TextInputDialog();
                dialog.setTitle(text.get("reader.passcode.title"));
                dialog.setHeaderText(text.get("reader.passcode.header", licensee));
                dialog.setContentText(text.get("reader.passcode.label"));
                typed.complete(dialog.showAndWait().map(String::strip));
            } catch (RuntimeException e) {
                typed.completeExceptionally(e);
            }
        });
        Optional<String> answer;
        try {
            answer = typed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RightsServerProblem(NOT_FOUND, 0, "interrupted while waiting for the passcode", Map.of(), e);
        } catch (ExecutionException e) {
            throw new RightsServerProblem(NOT_FOUND, 0, "the passcode dialog failed: " + e.getCause().getMessage(), Map.of(), e);
        }
        if (answer.isEmpty() || !answer.get().matches("[0-9]{8}")) {
            throw new RightsServerProblem(NOT_FOUND, 0, "no 8-digit passcode was entered", Map.of(), null);
        }
        return answer.get();
    }
}

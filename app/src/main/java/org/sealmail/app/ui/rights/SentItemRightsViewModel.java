package org.sealmail.app.ui.rights;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sealmail.app.rights.RightsReport;
import org.sealmail.app.rights.RightsServerProblem;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.task.TaskExecutor;

/**
 * The state of the sent-item rights dialog: the message's status and access log in words, whether a
 * request is running, and the last error; commands load, revoke and change the expiry in the background.
 */
public final class SentItemRightsViewModel {

    private final SentItemRights rights;
    private final TaskExecutor executor;
    private final UiText text;
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private long messageId;

    /**
     * @param rights the sender's actions
     * @param executor runs the requests off the JavaFX thread
     * @param text the UI strings
     */
    public SentItemRightsViewModel(SentItemRights rights, TaskExecutor executor, UiText text) {
        this.rights = Objects.requireNonNull(rights, "rights");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.text = Objects.requireNonNull(text, "text");
    }

    /** @return the status and access log in words */
    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** @return the last error, empty when the last request succeeded */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return true while a request runs */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @param id the sent message to show; loads its state */
    public void load(long id) {
        this.messageId = id;
        run(() -> rights.state(messageId));
    }

    /** @param reason why (blank for none); revokes the message */
    public void revoke(String reason) {
        Optional<String> given = Optional.ofNullable(reason).map(String::strip).filter(words -> !words.isEmpty());
        run(() -> rights.revoke(messageId, given));
    }

    /** @param value an ISO-8601 instant (2026-12-31T23:59:59Z), {@code now} or {@code never}; sets the expiry */
    public void changeExpiry(String value) {
        String trimmed = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Optional<Instant> notAfter;
        try {
            notAfter = switch (trimmed) {
                case "never" -> Optional.empty();
                case "now" -> Optional.of(Instant.now());
                default -> Optional.of(Instant.parse(value.strip()));
            };
        } catch (DateTimeParseException e) {
            error.set(text.get("main.rights-dialog.expiry.invalid", value));
            return;
        }
        run(() -> rights.changeExpiry(messageId, notAfter));
    }

    private void run(Callable<SentItemRights.SentItemState> request) {
        busy.set(true);
        error.set("");
        TaskBuilder.create(request).named("sent item rights")
                .onSuccess(state -> report.set(describe(state)))
                .onError(RightsServerProblem.class, problem -> error.set(problem.reason() + ": " + problem.getMessage()))
                .onError(IllegalArgumentException.class, bad -> error.set(String.valueOf(bad.getMessage())))
                .andFinally(() -> busy.set(false)).runOn(executor);
    }

    private static String describe(SentItemRights.SentItemState state) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        RightsReport.status(state.status(), writer);
        writer.println();
        RightsReport.log(state.log(), writer);
        writer.flush();
        return out.toString();
    }
}

package org.sealmail.app.ui.reader;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.task.TaskExecutor;

/**
 * The reader's state and commands, testable without the JavaFX toolkit. Opening runs in the
 * background; every command checks the usage rights through {@link RightsGuard} before it touches
 * the clipboard, a printer, the composer or the file system, and reports a refusal as a notice.
 */
public final class ReaderViewModel {

    /** The collaborators the reader's commands reach once the rights allow them. */
    public record Outlets(ClipboardWriter clipboard, Printing printing, AttachmentSaver saver, ComposeRequests compose) {
        /** Rejects nulls. */
        public Outlets {
            Objects.requireNonNull(clipboard, "clipboard");
            Objects.requireNonNull(printing, "printing");
            Objects.requireNonNull(saver, "saver");
            Objects.requireNonNull(compose, "compose");
        }
    }

    private final MessageOpener opener;
    private final TaskExecutor executor;
    private final Outlets outlets;
    private final UiText text;
    private final ProtectionBarText barText;
    private final Clock clock;
    private final Supplier<RemoteContentPolicy> remotePolicy;

    private final ReadOnlyObjectWrapper<OpenedMessage> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<ProtectionBar> protectionBar =
            new ReadOnlyObjectWrapper<>(this, "protectionBar", ProtectionBar.hidden());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper remoteContentAllowed = new ReadOnlyBooleanWrapper(this, "remoteContentAllowed");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private RightsGuard guard = new RightsGuard(new ProtectionStatus.Unprotected());
    private long openRequest;

    /**
     * @param opener opens messages (I/O and crypto; called in the background)
     * @param executor runs background work
     * @param outlets clipboard, printing, saving and composing
     * @param text the UI strings
     * @param clock the clock (expiry wording)
     * @param remotePolicy the current remote content policy (from settings)
     */
    public ReaderViewModel(MessageOpener opener, TaskExecutor executor, Outlets outlets, UiText text, Clock clock,
            Supplier<RemoteContentPolicy> remotePolicy) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.outlets = Objects.requireNonNull(outlets, "outlets");
        this.text = Objects.requireNonNull(text, "text");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.remotePolicy = Objects.requireNonNull(remotePolicy, "remotePolicy");
        this.barText = new ProtectionBarText(text, clock.getZone());
    }

    /**
     * Opens a message in the background; the latest request wins.
     *
     * @param messageId the store's message id
     */
    public void open(long messageId) {
        long request = ++openRequest;
        loading.set(true);
        error.set("");
        TaskBuilder.create(() -> opener.open(messageId))
                .named("open message " + messageId)
                .onSuccess(opened -> {
                    if (request == openRequest) {
                        show(opened);
                    }
                })
                .onAnyError(failure -> {
                    if (request == openRequest) {
                        clear();
                        error.set(text.get("reader.error.open", String.valueOf(failure.getMessage())));
                    }
                })
                .andFinally(() -> {
                    if (request == openRequest) {
                        loading.set(false);
                    }
                })
                .runOn(executor);
    }

    /**
     * Shows an already opened message (for example one just decrypted by the caller).
     *
     * @param opened the message
     */
    public void show(OpenedMessage opened) {
        Objects.requireNonNull(opened, "opened");
        remoteContentAllowed.set(false);
        notice.set("");
        guard = new RightsGuard(opened.protection());
        protectionBar.set(barText.describe(opened.protection(), opened.from(), clock.instant()));
        message.set(opened);
    }

    /** Empties the reader (no message selected). */
    public void clear() {
        openRequest++;
        message.set(null);
        guard = new RightsGuard(new ProtectionStatus.Unprotected());
        protectionBar.set(ProtectionBar.hidden());
        remoteContentAllowed.set(false);
        notice.set("");
        loading.set(false);
    }

    /**
     * @param action an action
     * @return whether the open message's rights allow it (false when no message is open)
     */
    public boolean allows(ReaderAction action) {
        return message.get() != null && guard.allows(action);
    }

    /**
     * Copies text of the open message (selection, or the whole part) to the clipboard.
     *
     * @param selection supplies the text to copy; read only when the EXTRACT right allows copying
     * @return ran, or refused without the EXTRACT right
     */
    public CommandResult copy(Supplier<String> selection) {
        return run(ReaderAction.COPY, () -> outlets.clipboard().putText(selection.get()));
    }

    /**
     * @param content the rendered message
     * @return ran (a job was offered to the printer), or refused without the PRINT right
     */
    public CommandResult print(PrintableContent content) {
        return run(ReaderAction.PRINT, () -> outlets.printing().print(content));
    }

    /** @return ran (the composer opened), or refused without the FORWARD right */
    public CommandResult forward() {
        return run(ReaderAction.FORWARD, () -> outlets.compose().forward(message.get()));
    }

    /** @return ran, or refused without the REPLY right */
    public CommandResult reply() {
        return run(ReaderAction.REPLY, () -> outlets.compose().reply(message.get(), false));
    }

    /** @return ran, or refused without the REPLYALL right */
    public CommandResult replyAll() {
        return run(ReaderAction.REPLY_ALL, () -> outlets.compose().reply(message.get(), true));
    }

    /**
     * @param attachment an attachment of the open message
     * @return ran (the save dialog opened), or refused without the EXPORT right
     */
    public CommandResult saveAttachment(AttachmentInfo attachment) {
        Objects.requireNonNull(attachment, "attachment");
        return run(ReaderAction.SAVE, () -> outlets.saver().save(attachment));
    }

    /** @return whether attachments open read-only (the EXPORT right is missing) */
    public boolean attachmentsReadOnly() {
        return !allows(ReaderAction.SAVE);
    }

    /** @return whether the reader should offer to load remote content for the open message */
    public boolean offersRemoteContent() {
        OpenedMessage opened = message.get();
        return opened != null && !opened.protection().decrypted() && !remoteContentAllowed.get()
                && remotePolicy.get() == RemoteContentPolicy.BLOCK_AND_ASK;
    }

    /**
     * Allows remote content for the open message. Refused for decrypted content (EFAIL) and when
     * the policy blocks it always.
     *
     * @return ran or refused
     */
    public CommandResult loadRemoteContent() {
        OpenedMessage opened = message.get();
        if (opened == null || opened.protection().decrypted()) {
            return refuse(CommandResult.refused("reader.refused.remote-content-protected"));
        }
        if (remotePolicy.get() == RemoteContentPolicy.BLOCK_ALWAYS) {
            return refuse(CommandResult.refused("reader.refused.remote-content-policy"));
        }
        remoteContentAllowed.set(true);
        return CommandResult.ran();
    }

    private CommandResult run(ReaderAction action, Runnable outlet) {
        if (message.get() == null) {
            return refuse(CommandResult.refused("reader.refused.no-content"));
        }
        CommandResult result = guard.check(action);
        if (!result.done()) {
            return refuse(result);
        }
        notice.set("");
        outlet.run();
        return result;
    }

    private CommandResult refuse(CommandResult refusal) {
        notice.set(text.get(refusal.refusalKey()));
        return refusal;
    }

    /** @return the open message, or null */
    public ReadOnlyObjectProperty<OpenedMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** @return the open message, if any */
    public Optional<OpenedMessage> currentMessage() {
        return Optional.ofNullable(message.get());
    }

    /** @return the protection bar of the open message */
    public ReadOnlyObjectProperty<ProtectionBar> protectionBarProperty() {
        return protectionBar.getReadOnlyProperty();
    }

    /** @return whether a message is being opened */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** @return whether the user allowed remote content for the open message */
    public ReadOnlyBooleanProperty remoteContentAllowedProperty() {
        return remoteContentAllowed.getReadOnlyProperty();
    }

    /** @return the last refusal, localized (empty when none) */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** @return the last failure to open, localized (empty when none) */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}

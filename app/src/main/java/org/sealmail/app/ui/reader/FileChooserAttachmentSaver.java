package org.sealmail.app.ui.reader;

import java.io.File;
import java.nio.file.Files;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.task.TaskExecutor;

/**
 * {@link AttachmentSaver} that asks for a file with a {@link FileChooser} and writes it in the
 * background.
 */
public final class FileChooserAttachmentSaver implements AttachmentSaver {

    private final Supplier<Window> owner;
    private final TaskExecutor executor;
    private final Consumer<Throwable> onError;

    /**
     * @param owner the window that owns the dialog
     * @param executor runs the write
     * @param onError reports a failed write to the user
     */
    public FileChooserAttachmentSaver(Supplier<Window> owner, TaskExecutor executor, Consumer<Throwable> onError) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    @Override
    public void save(AttachmentInfo attachment) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(attachment.fileName());
        File target = chooser.showSaveDialog(owner.get());
        if (target == null) {
            return;
        }
        TaskBuilder.create(() -> Files.write(target.toPath(), attachment.bytes()))
                .named("save attachment")
                .onAnyError(onError)
                .runOn(executor);
    }
}

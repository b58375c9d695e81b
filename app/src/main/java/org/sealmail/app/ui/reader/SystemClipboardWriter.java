package org.sealmail.app.ui.reader;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** {@link ClipboardWriter} on the system clipboard; call on the JavaFX application thread. */
public final class SystemClipboardWriter implements ClipboardWriter {

    @Override
    public void putText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}

package org.sealmail.app.demo;

import java.util.ArrayList;
import java.util.List;
import org.sealmail.app.ui.reader.AttachmentInfo;
import org.sealmail.app.ui.reader.ComposeRequests;
import org.sealmail.app.ui.reader.OpenedMessage;
import org.sealmail.app.ui.reader.ReaderViewModel;

/**
 * The reader's outlets (clipboard, printer, file saver, composer) for the headless demo: each
 * records what reached it, so the demo can show that a refused command reached nothing and an
 * allowed one got through. Not thread-safe: the headless reader runs on one thread.
 */
final class DemoReaderOutlets {

    final List<String> clipboard = new ArrayList<>();
    final List<String> printed = new ArrayList<>();
    final List<String> saved = new ArrayList<>();
    final List<String> composed = new ArrayList<>();

    ReaderViewModel.Outlets outlets() {
        return new ReaderViewModel.Outlets(clipboard::add, content -> {
            printed.add("print job");
            return true;
        }, (AttachmentInfo attachment) -> saved.add(attachment.toString()), new ComposeRequests() {
            @Override
            public void reply(OpenedMessage original, boolean all) {
                composed.add((all ? "reply all: " : "reply: ") + original.subject());
            }

            @Override
            public void forward(OpenedMessage original) {
                composed.add("forward: " + original.subject());
            }
        });
    }

    void clear() {
        clipboard.clear();
        printed.clear();
        saved.clear();
        composed.clear();
    }
}

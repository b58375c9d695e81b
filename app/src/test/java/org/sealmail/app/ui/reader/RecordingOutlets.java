package org.sealmail.app.ui.reader;

import java.util.ArrayList;
import java.util.List;

/** Outlets that record what reached them, so tests can prove a refused command reached nothing. */
public final class RecordingOutlets {

    public final List<String> clipboard = new ArrayList<>();
    public final List<PrintableContent> printed = new ArrayList<>();
    public final List<AttachmentInfo> saved = new ArrayList<>();
    public final List<String> composed = new ArrayList<>();

    public ReaderViewModel.Outlets outlets() {
        return new ReaderViewModel.Outlets(clipboard::add, content -> {
            printed.add(content);
            return true;
        }, saved::add, new ComposeRequests() {
            @Override
            public void reply(OpenedMessage original, boolean all) {
                composed.add((all ? "reply-all:" : "reply:") + original.subject());
            }

            @Override
            public void forward(OpenedMessage original) {
                composed.add("forward:" + original.subject());
            }
        });
    }
}

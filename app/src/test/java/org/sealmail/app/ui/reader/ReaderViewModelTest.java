package org.sealmail.app.ui.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;

class ReaderViewModelTest {

    private final RecordingOutlets outlets = new RecordingOutlets();
    private final Map<Long, OpenedMessage> messages = Map.of(
            3L, SampleMessages.doNotForward(), 4L, SampleMessages.expired(), 1L, SampleMessages.plain());
    private RemoteContentPolicy policy = RemoteContentPolicy.BLOCK_AND_ASK;
    private final ReaderViewModel model = new ReaderViewModel(id -> {
        OpenedMessage message = messages.get(id);
        if (message == null) {
            throw new NoSuchElementException("no message " + id);
        }
        return message;
    }, new SameThreadTaskExecutor(), outlets.outlets(), UiText.english(),
            Clock.fixed(SampleMessages.NOW, ZoneOffset.UTC), () -> policy);

    @Test
    void doNotForwardRefusesCopyPrintForwardAndSaveBeforeReachingAnyOutlet() {
        model.open(3);

        assertThat(model.copy(() -> SampleMessages.SECRET)).isEqualTo(CommandResult.refused("reader.refused.copy"));
        assertThat(model.print(job -> { })).isEqualTo(CommandResult.refused("reader.refused.print"));
        assertThat(model.forward()).isEqualTo(CommandResult.refused("reader.refused.forward"));
        AttachmentInfo attachment = model.currentMessage().orElseThrow().attachments().get(0);
        assertThat(model.saveAttachment(attachment)).isEqualTo(CommandResult.refused("reader.refused.save"));

        assertThat(outlets.clipboard).isEmpty();
        assertThat(outlets.printed).isEmpty();
        assertThat(outlets.saved).isEmpty();
        assertThat(outlets.composed).isEmpty();
        assertThat(model.attachmentsReadOnly()).isTrue();
        assertThat(model.noticeProperty().get()).isEqualTo(
                "Saving is not allowed: the sender protected this message without the right to save or export.");
    }

    @Test
    void doNotForwardStillAllowsReplyAndReplyAll() {
        model.open(3);

        assertThat(model.reply().done()).isTrue();
        assertThat(model.replyAll().done()).isTrue();
        assertThat(outlets.composed).containsExactly("reply:Board numbers", "reply-all:Board numbers");
    }

    @Test
    void encryptAllowsForwardCopyAndPrintButNotSave() {
        model.show(SampleMessages.encrypt());

        assertThat(model.copy(() -> "selected").done()).isTrue();
        assertThat(model.print(job -> { }).done()).isTrue();
        assertThat(model.forward().done()).isTrue();
        assertThat(model.saveAttachment(model.currentMessage().orElseThrow().attachments().get(0)).done()).isFalse();

        assertThat(outlets.clipboard).containsExactly("selected");
        assertThat(outlets.printed).hasSize(1);
        assertThat(outlets.composed).containsExactly("forward:Board numbers");
    }

    @Test
    void theSelectionOfProtectedTextIsNotEvenReadWithoutExtract() {
        model.show(SampleMessages.doNotForward());
        boolean[] read = {false};

        model.copy(() -> {
            read[0] = true;
            return SampleMessages.SECRET;
        });

        assertThat(read[0]).isFalse();
    }

    @Test
    void anExpiredMessageShowsNoContentAndRefusesEverything() {
        model.open(4);

        OpenedMessage opened = model.currentMessage().orElseThrow();
        assertThat(opened.parts()).isEmpty();
        assertThat(model.reply()).isEqualTo(CommandResult.refused("reader.refused.no-content"));
        assertThat(model.protectionBarProperty().get().severity()).isEqualTo(ProtectionBar.Severity.ERROR);
        assertThat(outlets.composed).isEmpty();
    }

    @Test
    void remoteContentIsOfferedForClearMailOnlyAndNeverForDecryptedContent() {
        model.open(1);
        assertThat(model.offersRemoteContent()).isTrue();
        assertThat(model.loadRemoteContent().done()).isTrue();
        assertThat(model.remoteContentAllowedProperty().get()).isTrue();

        model.show(SampleMessages.encrypt());
        assertThat(model.remoteContentAllowedProperty().get()).isFalse();
        assertThat(model.offersRemoteContent()).isFalse();
        assertThat(model.loadRemoteContent()).isEqualTo(CommandResult.refused("reader.refused.remote-content-protected"));
        assertThat(model.remoteContentAllowedProperty().get()).isFalse();
    }

    @Test
    void thePolicyBlockAlwaysRefusesRemoteContent() {
        policy = RemoteContentPolicy.BLOCK_ALWAYS;
        model.open(1);

        assertThat(model.offersRemoteContent()).isFalse();
        assertThat(model.loadRemoteContent().done()).isFalse();
    }

    @Test
    void aFailedOpenIsReportedAndLeavesTheReaderEmpty() {
        model.open(99);

        assertThat(model.currentMessage()).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("The message could not be opened: no message 99");
        assertThat(model.loadingProperty().get()).isFalse();
    }
}

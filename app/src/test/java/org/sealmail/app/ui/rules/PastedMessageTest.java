package org.sealmail.app.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pasted text is a whole message only when it starts with a header block (RFC 5322 §2.2). */
class PastedMessageTest {

    @Test
    void aHeaderBlockAndABlankLineMakeAWholeMessage() {
        assertThat(PastedMessage.isWholeMessage("From: a@example.test\nSubject: x\n  folded\n\nbody")).isTrue();
        assertThat(PastedMessage.isWholeMessage("X-Mailer: y\r\nTo: b@example.test\r\n\r\nbody")).isTrue();
    }

    @Test
    void aBodyThatStartsLikeAFieldIsABody() {
        assertThat(PastedMessage.isWholeMessage("Card: 4111 1111 1111 1111\n\nThanks")).isFalse();
        assertThat(PastedMessage.isWholeMessage("Subject: x\nthis line is text\n\nbody")).isFalse();
        assertThat(PastedMessage.isWholeMessage("Subject: no blank line")).isFalse();
        assertThat(PastedMessage.isWholeMessage("\nSubject: x")).isFalse();
    }

    @Test
    void aBodyBecomesAUtf8MessageToTheRecipients() {
        String message = new String(PastedMessage.bytes("bob@example.test, carol@example.test", "Card: 4111\n\nGr\u00fc\u00dfe"),
                StandardCharsets.US_ASCII);

        assertThat(message).contains("To: bob@example.test, carol@example.test").contains("charset=UTF-8");
        assertThatThrownBy(() -> PastedMessage.bytes("bob@example.test, <unclosed", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}

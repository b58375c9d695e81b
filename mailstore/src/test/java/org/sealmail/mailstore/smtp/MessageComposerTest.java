package org.sealmail.mailstore.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Composition of outgoing messages (RFC 5322 headers, RFC 2183 attachments). */
class MessageComposerTest {

    @Test
    void composesHeadersRecipientsAndAttachments(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("notes.txt"), "attached text".getBytes());
        MessageComposer.Composed composed = MessageComposer.compose(new MessageComposer.Draft("Alice <alice@example.test>",
                List.of("bob@example.test"), List.of("Carol <carol@example.test>"), List.of("dave@example.test"),
                "Grüße", "hello", List.of(file)), Instant.parse("2026-01-02T03:04:05Z"));

        assertThat(composed.messageId()).matches("<[0-9a-f-]{36}@example\\.test>");
        assertThat(composed.envelopeFrom()).isEqualTo("alice@example.test");
        assertThat(composed.recipients()).containsExactly("bob@example.test", "carol@example.test", "dave@example.test");
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(composed.rfc822()));
        assertThat(parsed.getMessageID()).isEqualTo(composed.messageId());
        assertThat(parsed.getHeader("Subject")[0]).isEqualTo("=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=");   // RFC 2047
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        Multipart mixed = (Multipart) parsed.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(mixed.getBodyPart(0).getContent()).isEqualTo("hello");
        assertThat(mixed.getBodyPart(1).getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("notes.txt");
        assertThat(mixed.getBodyPart(1).getContent()).isEqualTo("attached text");
    }

    @Test
    void refusesAMessageWithoutRecipientsOrWithABadAddress() {
        assertThatThrownBy(() -> MessageComposer.compose(new MessageComposer.Draft("alice@example.test", List.of(),
                List.of(), List.of(), "s", "b", List.of()), Instant.now())).hasMessageContaining("no recipient");
        assertThatThrownBy(() -> MessageComposer.compose(new MessageComposer.Draft("alice@example.test",
                List.of("not an address"), List.of(), List.of(), "s", "b", List.of()), Instant.now()))
                .hasMessageContaining("'not an address'");
    }
}

package org.sealmail.mailstore.messages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.rights.message.ProtectedMessageBuilder;
import org.sealmail.crypto.rights.message.ProtectedMessageFormat;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.mailstore.StoreFixture;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;

/**
 * A real Sealmail protected message, as {@link ProtectedMessageBuilder} writes it, is recognized
 * by the store: classified {@link MessageProtection#SEALMAIL_PROTECTED}, its raw form kept as
 * received, and neither its encrypted body nor its readable wrapper indexed.
 */
class ProtectedMessageStoringTest {

    private static final String SECRET_WORD = "xylophonesecret";

    @TempDir
    Path profile;

    @Test
    void theStoreUsesTheMediaTypeTheRightsCodeEmits() {
        assertThat(MessageProtection.SEALMAIL_PROTECTED_MEDIA_TYPE).isEqualTo(ProtectedMessageFormat.MEDIA_TYPE);
    }

    @Test
    void aMessageProtectedByTheRightsCodeIsClassifiedAndOnlyItsEnvelopeIsIndexed() throws Exception {
        byte[] raw = protectedForBob();
        // the wrapper ProtectedMimeStructure writes is readable text: "This message is protected with Sealmail."
        assertThat(new String(raw, StandardCharsets.US_ASCII)).contains("Content-Type: " + ProtectedMessageFormat.MEDIA_TYPE)
                .contains("protected with Sealmail").doesNotContain(SECRET_WORD);

        ParsedMessage parsed = new MessageParser().parse(raw);
        assertThat(parsed.protection()).isEqualTo(MessageProtection.SEALMAIL_PROTECTED);
        assertThat(parsed.bodyText()).isNull();

        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Folder inbox = store.folders().localFolder("Inbox");
            long id = store.messages().add(inbox.id(), StoreFixture.incoming(raw, Instant.parse("2026-03-01T10:00:00Z")))
                    .messageId();
            assertThat(store.messages().find(id).orElseThrow().protection()).isEqualTo(MessageProtection.SEALMAIL_PROTECTED);
            assertThat(store.messages().raw(id)).contains(raw);
            assertThat(store.search().search("subject:zanzibar", 10)).extracting(StoredMessage::id).containsExactly(id);
            assertThat(store.search().search("from:alice@example.test", 10)).extracting(StoredMessage::id).containsExactly(id);
            assertThat(store.search().search("protected", 10)).isEmpty();
            assertThat(store.search().search("Sealmail", 10)).isEmpty();
            assertThat(store.search().search(SECRET_WORD, 10)).isEmpty();
        }
        for (String name : List.of(SqliteMailStore.FILE_NAME, SqliteMailStore.FILE_NAME + "-wal")) {
            Path file = profile.resolve(name);
            if (Files.exists(file)) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET_WORD);
            }
        }
    }

    private static byte[] protectedForBob() throws Exception {
        TestPki pki = TestPki.get();
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("alice@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.test"));
        message.setSubject("Quarterly zanzibar figures");
        message.setText("The figures are in; the code word is " + SECRET_WORD + ".", "UTF-8");
        message.saveChanges();
        return new ProtectedMessageBuilder(Clock.systemUTC())
                .protect(message, ProtectionTemplate.ENCRYPT, pki.alice, List.of(pki.bob.certificate()))
                .toBytes();
    }
}

package org.sealmail.app.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.sending.SenderIdentity;
import org.sealmail.app.ui.compose.OutgoingAttachment;
import org.sealmail.app.ui.compose.OutgoingMessage;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.drafts.Draft;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;

/** Drafts autosaved into the store: as MIME, and sealed when the message will be sent encrypted. */
class StoreDraftStoreTest {

    private static final String BODY = "Board numbers: revenue 4.2M, draft.";

    @TempDir
    Path profile;

    private SqliteMailStore store;
    private PasswordFileSecretStore secrets;
    private StoreDraftStore drafts;

    @BeforeEach
    void open() {
        store = SqliteMailStore.open(profile);
        secrets = PasswordFileSecretStore.open(profile.resolve("secrets.sealed"), "master".toCharArray());
        drafts = new StoreDraftStore(store.drafts(secrets), id -> Optional.of(new SenderIdentity("Bob", "bob@example.test", Optional.empty())),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static OutgoingMessage message(ProtectionChoice protection) {
        return new OutgoingMessage(0, List.of("alice@example.test"), List.of(), List.of("carol@example.test"), "Numbers",
                BODY, false, List.of(new OutgoingAttachment("n.csv", "text/csv", "q,r\n".getBytes(StandardCharsets.UTF_8))),
                protection, Optional.empty(), Optional.empty());
    }

    private byte[] storedColumn(long id) {
        return store.database().read("raw draft", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT content FROM draft WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getBytes(1);
                }
            }
        });
    }

    @Test
    void aDraftIsKeptAsMimeWithItsBccAndIsReplacedOnTheNextSave() {
        long id = drafts.save(OptionalLong.empty(), message(ProtectionChoice.NONE));
        long again = drafts.save(OptionalLong.of(id), message(ProtectionChoice.NONE));

        assertThat(again).isEqualTo(id);
        Draft draft = store.drafts(null).find(id).orElseThrow();
        String mime = new String(draft.content(), StandardCharsets.UTF_8);
        assertThat(mime).contains("Subject: Numbers").contains("Bcc: carol@example.test").contains(BODY)
                .contains("filename=n.csv");
        assertThat(draft.protection()).isEqualTo(ComposeProtection.NONE);
        assertThat(store.drafts(null).list()).hasSize(1);
    }

    @Test
    void aDoNotForwardDraftIsSealedSoItsTextIsNotInTheStore() {
        long id = drafts.save(OptionalLong.empty(),
                message(new ProtectionChoice(Optional.of(ProtectionChoice.DO_NOT_FORWARD), false, false)));

        assertThat(new String(storedColumn(id), StandardCharsets.ISO_8859_1)).doesNotContain("Board numbers");
        assertThatThrownBy(() -> store.drafts(null).find(id)).hasMessageContaining("store key is not available");
        assertThat(new String(store.drafts(secrets).find(id).orElseThrow().content(), StandardCharsets.UTF_8)).contains(BODY);
    }

    @Test
    void deletingADraftRemovesIt() {
        long id = drafts.save(OptionalLong.empty(), message(ProtectionChoice.NONE));

        drafts.delete(id);

        assertThat(store.drafts(null).find(id)).isEmpty();
    }

    @Test
    void everyRightsTemplateAndSmimeEncryptionIsConfidential() {
        assertThat(StoreDraftStore.protection(new ProtectionChoice(Optional.of("custom:board"), false, false)))
                .isEqualTo(ComposeProtection.ENCRYPT);
        assertThat(StoreDraftStore.protection(new ProtectionChoice(Optional.empty(), false, true)).isConfidential()).isTrue();
        assertThat(StoreDraftStore.protection(new ProtectionChoice(Optional.empty(), true, false)))
                .isEqualTo(ComposeProtection.SMIME_SIGN);
    }
}

package org.sealmail.mailstore.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;

class DraftRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path profile;

    @Test
    void autosaveReplacesTheDraft() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            DraftRepository drafts = store.drafts(null);
            long id = drafts.save(draft(0, ComposeProtection.NONE, "first version"), T0);
            drafts.save(draft(id, ComposeProtection.NONE, "second version"), T0.plusSeconds(30));

            Draft saved = drafts.find(id).orElseThrow();
            assertThat(new String(saved.content(), StandardCharsets.US_ASCII)).contains("second version");
            assertThat(saved.createdAt()).isEqualTo(T0);
            assertThat(saved.updatedAt()).isEqualTo(T0.plusSeconds(30));
            assertThat(drafts.list()).hasSize(1);
            assertThat(drafts.delete(id)).isTrue();
        }
    }

    @Test
    void aDraftOfAnEncryptedMessageIsSealedAndNeverOnDiskInClear() throws Exception {
        PasswordFileSecretStore secrets = PasswordFileSecretStore.open(profile.resolve("secrets.sealed"), "m".toCharArray());
        long id;
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            id = store.drafts(secrets).save(draft(0, ComposeProtection.DO_NOT_FORWARD, "merger-codename-bluefin"), T0);
            assertThatThrownBy(() -> store.drafts(null).find(id))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).failure()).isEqualTo(StoreFailure.REFUSED));
            assertThatThrownBy(() -> store.drafts(null).save(draft(0, ComposeProtection.ENCRYPT, "x"), T0))
                    .isInstanceOf(StoreException.class);
        }
        for (Path file : Files.list(profile).toList()) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("bluefin");
        }
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Draft draft = store.drafts(secrets).find(id).orElseThrow();
            assertThat(new String(draft.content(), StandardCharsets.US_ASCII)).contains("merger-codename-bluefin");
            assertThat(draft.subject()).isEqualTo("Draft");
        }
    }

    private static Draft draft(long id, ComposeProtection protection, String body) {
        byte[] content = ("Subject: Draft\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return new Draft(id, null, protection, "Draft", content, T0, T0);
    }
}

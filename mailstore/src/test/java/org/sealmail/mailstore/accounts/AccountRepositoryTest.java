package org.sealmail.mailstore.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;

class AccountRepositoryTest {

    @TempDir
    Path profile;

    private static Account work() {
        return new Account(0, "Work", new ServerSettings("imap.example.test", 993, ConnectionSecurity.IMPLICIT_TLS, "ann"),
                new ServerSettings("smtp.example.test", 587, ConnectionSecurity.STARTTLS, "ann"),
                List.of(new Identity("Ann Archer", "ann@example.test", Path.of("/keys/ann.p12"), Path.of("/keys/ann.p12")),
                        new Identity(null, "sales@example.test", null, null)),
                ComposeProtection.SMIME_SIGN);
    }

    @Test
    void storesServersIdentitiesAndDefaultProtection() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Account added = store.accounts().add(work());
            assertThat(added.id()).isPositive();
            assertThat(store.accounts().find(added.id())).hasValue(added);
            assertThat(store.accounts().findByName("Work")).hasValue(added);

            Account changed = new Account(added.id(), "Work", added.imap(), null, List.of(added.identities().get(1)),
                    ComposeProtection.DO_NOT_FORWARD);
            store.accounts().update(changed);
            assertThat(store.accounts().list()).containsExactly(changed);
            assertThat(store.accounts().delete(added.id())).isTrue();
            assertThat(store.accounts().list()).isEmpty();
        }
    }

    @Test
    void deletingAnAccountDeletesItsFolders() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Account added = store.accounts().add(work());
            store.folders().add(added.id(), "INBOX", "/", org.sealmail.mailstore.folders.SpecialUse.INBOX);
            store.accounts().delete(added.id());
            assertThat(store.folders().list(added.id())).isEmpty();
        }
    }

    @Test
    void passwordsGoToTheSecretStoreAndNeverIntoTheDatabase() throws Exception {
        PasswordFileSecretStore secrets = PasswordFileSecretStore.open(profile.resolve("secrets.sealed"), "master".toCharArray());
        AccountPasswords passwords = new AccountPasswords(secrets);
        long id;
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            id = store.accounts().add(work()).id();
            passwords.setPassword(id, ServerRole.IMAP, "imap-Pa55word!".toCharArray());
            passwords.setPassword(id, ServerRole.SMTP, "smtp-Pa55word!".toCharArray());
        }
        assertThat(new String(PasswordFileSecretStore.open(profile.resolve("secrets.sealed"), "master".toCharArray())
                .read("account/" + id + "/imap").orElseThrow())).isEqualTo("imap-Pa55word!");
        for (Path file : Files.list(profile).toList()) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                    .as(file.toString()).doesNotContain("Pa55word");
        }
        passwords.forget(id);
        assertThat(passwords.password(id, ServerRole.IMAP)).isEmpty();
    }
}

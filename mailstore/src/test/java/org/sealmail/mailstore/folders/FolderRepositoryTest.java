package org.sealmail.mailstore.folders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFixture;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.db.SqliteMailStore;

class FolderRepositoryTest {

    @TempDir
    Path profile;

    @Test
    void keepsNamesRolesAndSyncState() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            long account = store.accounts().add(new Account(0, "A", null, null, List.of(), ComposeProtection.NONE)).id();
            Folder sent = store.folders().add(account, "Sent Items", "/", SpecialUse.SENT);
            store.folders().add(account, "INBOX", "/", SpecialUse.INBOX);
            assertThat(store.folders().updateSyncState(sent.id(), 1_700_000_000L, 42, 9_001L)).isFalse();
            store.folders().setSubscribed(sent.id(), false);

            Folder read = store.folders().find(sent.id()).orElseThrow();
            assertThat(read).isEqualTo(new Folder(sent.id(), account, "Sent Items", "/", SpecialUse.SENT, 1_700_000_000L, 42L, 9_001L,
                    false));
            assertThat(store.folders().list(account)).extracting(Folder::name).containsExactly("INBOX", "Sent Items");
            assertThat(store.folders().list(null)).isEmpty();
            assertThatThrownBy(() -> store.folders().add(account, "INBOX", "/", null)).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void aNewUidValidityDropsTheFoldersMessages() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            long account = store.accounts().add(new Account(0, "A", null, null, List.of(), ComposeProtection.NONE)).id();
            Folder inbox = store.folders().add(account, "INBOX", "/", SpecialUse.INBOX);
            store.folders().updateSyncState(inbox.id(), 100, 2, null);
            store.messages().add(inbox.id(), StoreFixture.incoming(
                    StoreFixture.plain("u@x", "a@x.test", "b@x.test", "s", "x"), Instant.EPOCH));

            assertThat(store.folders().updateSyncState(inbox.id(), 100, 3, null)).isFalse();
            assertThat(store.messages().count(inbox.id())).isEqualTo(1);
            // RFC 3501 §2.3.1.1: a new UIDVALIDITY means the stored UIDs name nothing any more
            assertThat(store.folders().updateSyncState(inbox.id(), 101, 1, null)).isTrue();
            assertThat(store.messages().count(inbox.id())).isZero();
        }
    }

    @Test
    void localFoldersAreMadeOnce() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Folder first = store.folders().localFolder("Imports");
            assertThat(store.folders().localFolder("Imports")).isEqualTo(first);
            assertThat(first.isLocal()).isTrue();
            assertThat(SpecialUse.fromAttribute("\\Junk")).hasValue(SpecialUse.JUNK);
            assertThat(SpecialUse.SENT.attribute()).isEqualTo("\\Sent");
        }
    }
}

package org.sealmail.mailstore.imap;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;
import org.sealmail.mailstore.folders.SpecialUse;
import org.sealmail.mailstore.messages.MailAddress;
import org.sealmail.mailstore.messages.MessageFlag;
import org.sealmail.mailstore.messages.MessageParser;
import org.sealmail.mailstore.messages.MessageProtection;
import org.sealmail.mailstore.messages.ParsedMessage;
import org.sealmail.mailstore.messages.StoredMessage;

/**
 * {@link SyncStore} over the SQLite store's repositories: folders (with UIDVALIDITY, UIDNEXT,
 * HIGHESTMODSEQ), header-only messages added by UID (FTS-indexed and threaded by the store), bodies
 * attached on fetch (parsed by the store's {@link MessageParser}, so encrypted mail is never
 * indexed). Account ids are the store's numeric ids as strings. Folders without messages
 * (\Noselect) are not stored.
 */
public final class SqliteSyncStore implements SyncStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SqliteSyncStore.class);

    private final SqliteMailStore store;
    private final MessageParser parser = new MessageParser();
    private final Clock clock;

    /**
     * @param store the open store
     * @param clock the internal date of a message whose server gave none
     */
    public SqliteSyncStore(SqliteMailStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private static long account(String accountId) {
        return Long.parseLong(accountId);
    }

    private Optional<Folder> folder(String accountId, String name) {
        return store.folders().findByName(account(accountId), name);
    }

    private long folderId(String accountId, String name) {
        return folder(accountId, name).map(Folder::id).orElseThrow(() -> new IllegalStateException(
                "folder " + name + " of account " + accountId + " is not in the store"));
    }

    @Override
    public List<FolderInfo> folders(String accountId) {
        List<FolderInfo> out = new ArrayList<>();
        for (Folder folder : store.folders().list(account(accountId))) {
            out.add(new FolderInfo(folder.name(), role(folder.specialUse()),
                    folder.delimiter() == null || folder.delimiter().isEmpty() ? '\0' : folder.delimiter().charAt(0), true));
        }
        return out;
    }

    @Override
    public void saveFolder(String accountId, FolderInfo info) {
        if (!info.selectable()) {
            return;
        }
        SpecialUse use = specialUse(info.role());
        Optional<Folder> existing = folder(accountId, info.name());
        if (existing.isEmpty()) {
            store.folders().add(account(accountId), info.name(), info.separator() == '\0' ? null : String.valueOf(info.separator()), use);
        } else if (existing.get().specialUse() != use) {
            store.database().write("setting the role of folder " + info.name(), connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE folder SET special_use = ? WHERE id = ?")) {
                    update.setString(1, use == null ? null : use.name());
                    update.setLong(2, existing.get().id());
                    update.executeUpdate();
                }
                return null;
            });
        }
    }

    @Override
    public void removeFolder(String accountId, String folderName) {
        folder(accountId, folderName).ifPresent(f -> store.folders().delete(f.id()));
    }

    @Override
    public Optional<FolderSyncState> syncState(String accountId, String folderName) {
        return folder(accountId, folderName).filter(f -> f.uidValidity() != null)
                .map(f -> new FolderSyncState(f.uidValidity(), f.highestModSeq() == null ? 0 : f.highestModSeq()));
    }

    @Override
    public void saveSyncState(String accountId, String folderName, FolderSyncState state) {
        long id = folderId(accountId, folderName);
        store.folders().updateSyncState(id, state.uidValidity(), highestUid(id) + 1, state.highestModSeq());
    }

    @Override
    public void resetFolder(String accountId, String folderName, long newUidValidity) {
        long id = folderId(accountId, folderName);
        store.database().write("dropping the cache of folder " + folderName, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM message WHERE folder_id = ?")) {
                delete.setLong(1, id);   // message_raw rows go by ON DELETE CASCADE, FTS rows by trigger
                delete.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE folder SET uid_validity = ?, uid_next = 1, highest_modseq = 0 WHERE id = ?")) {
                update.setLong(1, newUidValidity);
                update.setLong(2, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Map<Long, MessageFlags> flagsByUid(String accountId, String folderName) {
        long id = folderId(accountId, folderName);
        return store.database().read("reading flags of " + folderName, connection -> {
            Map<Long, MessageFlags> out = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT uid, flags, keywords FROM message WHERE folder_id = ? AND uid IS NOT NULL")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        out.put(row.getLong(1), flags(MessageFlag.fromMask(row.getInt(2)), keywords(row.getString(3))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public long highestUid(String accountId, String folderName) {
        return folder(accountId, folderName).map(f -> highestUid(f.id())).orElse(0L);
    }

    private long highestUid(long folderId) {
        return store.database().read("reading the highest UID", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT max(uid) FROM message WHERE folder_id = ?")) {
                select.setLong(1, folderId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public void saveMessages(String accountId, String folderName, List<MessageSummary> messages) {
        long id = folderId(accountId, folderName);
        // one transaction for the batch: the repository's own writes join it (commits dominate otherwise)
        store.database().write("saving " + messages.size() + " messages of " + folderName, connection -> {
            saveEach(id, messages);
            return null;
        });
    }

    private void saveEach(long id, List<MessageSummary> messages) {
        for (MessageSummary m : messages) {
            ParsedMessage header = new ParsedMessage(m.messageId(), m.subject(), addresses(m.from()), addresses(m.to()),
                    addresses(m.cc()), m.sentDate(), m.inReplyTo(), m.references(), m.structure().outline(),
                    protection(m.structure()), null, m.structure().parsedLocally() ? "structure parsed locally" : null);
            store.messages().addHeaderOnly(id, header, m.uid(), Math.max(0, m.size()),
                    m.receivedDate() != null ? m.receivedDate() : clock.instant(), systemFlags(m.flags()), m.flags().keywords());
        }
    }

    @Override
    public void updateFlags(String accountId, String folderName, Map<Long, MessageFlags> flags) {
        if (flags.isEmpty()) {
            return;
        }
        long id = folderId(accountId, folderName);
        Map<Long, Long> ids = rowIds(id, flags.keySet());
        store.database().write("updating flags in " + folderName, connection -> {
            flags.forEach((uid, f) -> {
                Long row = ids.get(uid);
                if (row != null) {
                    store.messages().setFlags(row, systemFlags(f), f.keywords());
                }
            });
            return null;
        });
    }

    @Override
    public void removeMessages(String accountId, String folderName, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return;
        }
        long id = folderId(accountId, folderName);
        Map<Long, Long> ids = rowIds(id, uids);
        store.database().write("removing messages from " + folderName, connection -> {
            ids.values().forEach(row -> store.messages().delete(row));
            return null;
        });
    }

    @Override
    public void saveBody(String accountId, String folderName, long uid, byte[] rfc822) {
        long id = folderId(accountId, folderName);
        Long row = rowIds(id, List.of(uid)).get(uid);
        if (row == null) {
            return;
        }
        try {
            store.messages().attachBody(row, rfc822, parser.parse(rfc822));
        } catch (org.sealmail.mailstore.StoreException e) {
            if (!isDedupeConflict(e)) {
                throw e;
            }
            // the store keeps one body per (folder, Message-ID, content); an IMAP folder may hold two
            // copies under different UIDs: the second stays header-only and is fetched when opened
            LOG.warn("{}: body of UID {} not cached: an identical message is already stored in the folder", folderName, uid);
        }
    }

    private static boolean isDedupeConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException sqlite
                    && sqlite.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    && String.valueOf(sqlite.getMessage()).contains("message_dedupe")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasBody(String accountId, String folderName, long uid) {
        return stored(accountId, folderName, uid).map(StoredMessage::bodyFetched).orElse(false);
    }

    @Override
    public Optional<byte[]> body(String accountId, String folderName, long uid) {
        return stored(accountId, folderName, uid).filter(StoredMessage::bodyFetched)
                .flatMap(m -> store.messages().raw(m.id()));
    }

    @Override
    public Optional<MessageSummary> message(String accountId, String folderName, long uid) {
        return stored(accountId, folderName, uid).map(m -> new MessageSummary(uid, m.messageId(), m.subject(),
                strings(m.from()), strings(m.to()), strings(m.cc()), m.sentDate(), m.internalDate(), m.size(),
                flags(m.flags(), m.keywords()), outline(m.mimeStructure()), null, List.of()));
    }

    private Optional<StoredMessage> stored(String accountId, String folderName, long uid) {
        Optional<Folder> folder = folder(accountId, folderName);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Long row = rowIds(folder.get().id(), List.of(uid)).get(uid);
        return row == null ? Optional.empty() : store.messages().find(row);
    }

    /** @return store row id by UID, for the UIDs present */
    private Map<Long, Long> rowIds(long folderId, Collection<Long> uids) {
        return store.database().read("looking up messages by UID", connection -> {
            Map<Long, Long> out = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM message WHERE folder_id = ? AND uid = ?")) {
                for (long uid : uids) {
                    select.setLong(1, folderId);
                    select.setLong(2, uid);
                    try (ResultSet row = select.executeQuery()) {
                        if (row.next()) {
                            out.put(uid, row.getLong(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    private static MessageStructure outline(String outline) {
        String text = outline == null || outline.isEmpty() ? "application/octet-stream" : outline;
        int paren = text.indexOf('(');
        return new MessageStructure(paren < 0 ? text : text.substring(0, paren), List.of(), text, false);
    }

    /** What the store must know before a body is fetched: encrypted mail is never indexed (DESIGN.md). */
    static MessageProtection protection(MessageStructure structure) {
        boolean signed = structure.outline().startsWith("multipart/signed");
        for (MessagePart part : structure.parts()) {
            String type = part.contentType().toLowerCase(Locale.ROOT);
            String base = MessageStructure.baseType(type);
            if (base.equals(MessageProtection.SEALMAIL_PROTECTED_MEDIA_TYPE)) {
                return MessageProtection.SEALMAIL_PROTECTED;
            }
            if (base.equals("application/pkcs7-mime") || base.equals("application/x-pkcs7-mime")) {
                if (type.contains("signed-data")) {
                    signed = true;
                } else if (!type.contains("certs-only")) {
                    return MessageProtection.SMIME_ENCRYPTED;
                }
            }
        }
        if (structure.parts().isEmpty() && structure.outline().contains("pkcs7-mime")) {
            return MessageProtection.UNKNOWN;
        }
        return signed ? MessageProtection.SMIME_SIGNED : MessageProtection.NONE;
    }

    private static List<MailAddress> addresses(List<String> texts) {
        List<MailAddress> out = new ArrayList<>();
        for (String text : texts) {
            try {
                InternetAddress address = new InternetAddress(text, false);
                if (address.getAddress() != null) {
                    out.add(new MailAddress(address.getPersonal(), address.getAddress()));
                }
            } catch (AddressException e) {
                out.add(new MailAddress(null, text));
            }
        }
        return out;
    }

    private static List<String> strings(List<MailAddress> addresses) {
        List<String> out = new ArrayList<>();
        for (MailAddress a : addresses) {
            out.add(a.name() == null || a.name().isEmpty() ? a.address() : a.name() + " <" + a.address() + ">");
        }
        return out;
    }

    private static Set<MessageFlag> systemFlags(MessageFlags f) {
        Set<MessageFlag> out = EnumSet.noneOf(MessageFlag.class);
        if (f.seen()) {
            out.add(MessageFlag.SEEN);
        }
        if (f.answered()) {
            out.add(MessageFlag.ANSWERED);
        }
        if (f.flagged()) {
            out.add(MessageFlag.FLAGGED);
        }
        if (f.deleted()) {
            out.add(MessageFlag.DELETED);
        }
        if (f.draft()) {
            out.add(MessageFlag.DRAFT);
        }
        return out;
    }

    private static MessageFlags flags(Set<MessageFlag> system, Set<String> keywords) {
        return new MessageFlags(system.contains(MessageFlag.SEEN), system.contains(MessageFlag.ANSWERED),
                system.contains(MessageFlag.FLAGGED), system.contains(MessageFlag.DELETED), system.contains(MessageFlag.DRAFT),
                keywords);
    }

    private static Set<String> keywords(String text) {
        Set<String> out = new HashSet<>();
        if (text != null) {
            for (String k : text.trim().split("\\s+")) {
                if (!k.isEmpty()) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    private static FolderRole role(SpecialUse use) {
        if (use == null) {
            return FolderRole.NONE;
        }
        return FolderRole.valueOf(use.name());
    }

    private static SpecialUse specialUse(FolderRole role) {
        return role == FolderRole.NONE ? null : SpecialUse.valueOf(role.name());
    }
}

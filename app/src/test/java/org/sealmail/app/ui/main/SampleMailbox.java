package org.sealmail.app.ui.main;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sealmail.app.ui.mailbox.AccountSummary;
import org.sealmail.app.ui.mailbox.FolderRole;
import org.sealmail.app.ui.mailbox.FolderSummary;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.mailbox.ProtectionKind;
import org.sealmail.app.ui.memory.InMemoryMailbox;

/** An in-memory mailbox with two accounts; the Archive folder holds 100,000 messages. */
public final class SampleMailbox {

    public static final long INBOX = 11;
    public static final long ARCHIVE = 12;
    public static final long SENT = 13;
    public static final long OTHER_INBOX = 21;
    public static final int ARCHIVE_SIZE = 100_000;

    private SampleMailbox() {
    }

    public static InMemoryMailbox create() {
        InMemoryMailbox mailbox = new InMemoryMailbox();
        mailbox.addAccount(new AccountSummary(1, "Work", "bob@example.org", List.of(
                new FolderSummary(INBOX, 1, "Inbox", FolderRole.INBOX, 0, 0, List.of()),
                new FolderSummary(ARCHIVE, 1, "Archive", FolderRole.ARCHIVE, 0, 0, List.of()),
                new FolderSummary(SENT, 1, "Sent", FolderRole.SENT, 0, 0, List.of()))));
        mailbox.addAccount(new AccountSummary(2, "Home", "bob@home.example", List.of(
                new FolderSummary(OTHER_INBOX, 2, "Inbox", FolderRole.INBOX, 0, 0, List.of()))));
        Instant base = Instant.parse("2026-11-20T09:00:00Z");
        mailbox.putMessages(INBOX, List.of(
                header(101, INBOX, "Alice <alice@example.org>", "Board numbers", base, false, false, ProtectionKind.RIGHTS_PROTECTED),
                header(102, INBOX, "Alice <alice@example.org>", "Signed contract", base.minusSeconds(600), false, true, ProtectionKind.SMIME_SIGNED),
                header(103, INBOX, "Carol <carol@example.net>", "Re: Board numbers", base.minusSeconds(1200), true, false, ProtectionKind.SMIME_ENCRYPTED),
                header(104, INBOX, "News <news@example.com>", "Newsletter", base.minusSeconds(3600), true, false, ProtectionKind.NONE),
                header(105, INBOX, "Dave <dave@example.org>", "Lunch on Friday?", base.minusSeconds(7200), false, false, ProtectionKind.NONE)));
        List<MessageHeader> archive = new ArrayList<>(ARCHIVE_SIZE);
        for (int i = 0; i < ARCHIVE_SIZE; i++) {
            archive.add(header(1_000_000 + i, ARCHIVE, "Sender " + (i % 97) + " <s" + (i % 97) + "@example.org>",
                    "Archived message " + i, base.minusSeconds(60L * i), true, false, ProtectionKind.NONE));
        }
        mailbox.putMessages(ARCHIVE, archive);
        return mailbox;
    }

    static MessageHeader header(long id, long folder, String from, String subject, Instant date, boolean seen,
            boolean flagged, ProtectionKind protection) {
        return new MessageHeader(id, folder, from, subject, date, 2048 + id % 5000, seen, flagged, id % 3 == 0,
                protection, 1);
    }
}

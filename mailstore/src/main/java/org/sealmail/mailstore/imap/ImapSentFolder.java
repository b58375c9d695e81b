package org.sealmail.mailstore.imap;

import jakarta.mail.Flags;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.server.MailServerFailure;
import org.sealmail.mailstore.smtp.SentFolder;

/** The account's Sent folder (SPECIAL-USE \Sent, RFC 6154) reached through {@link MailSync}. */
public final class ImapSentFolder implements SentFolder {

    private final MailSync sync;

    /** @param sync the account's sync */
    public ImapSentFolder(MailSync sync) {
        this.sync = sync;
    }

    private String name() {
        return sync.folderWithRole(FolderRole.SENT).orElseThrow(() -> new MailServerException(
                MailServerFailure.FOLDER_NOT_FOUND, "the server lists no folder with the \\Sent role", null));
    }

    @Override
    public boolean contains(String messageId) {
        return sync.containsMessageId(name(), messageId);
    }

    @Override
    public void append(byte[] rfc822) {
        sync.append(name(), rfc822, new Flags(Flags.Flag.SEEN));
    }
}

package org.sealmail.mailstore.imap;

import jakarta.mail.MessagingException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * What an IMAP server can do, as far as the sync cares (the capability flags the sync chooses
 * its strategy by). Capabilities can be switched off per account (for servers whose
 * implementation of one is broken, and for tests of the fallback paths).
 *
 * @param condstore CONDSTORE (RFC 7162 §3.1): per-message MODSEQ, CHANGEDSINCE
 * @param qresync QRESYNC (RFC 7162 §3.2): resync on SELECT, VANISHED
 * @param move MOVE (RFC 6851)
 * @param uidplus UIDPLUS (RFC 4315): APPENDUID, COPYUID, UID EXPUNGE
 * @param idle IDLE (RFC 2177): push
 * @param specialUse SPECIAL-USE (RFC 6154)
 */
public record ImapCapabilities(boolean condstore, boolean qresync, boolean move, boolean uidplus, boolean idle,
        boolean specialUse) {

    /**
     * @param store a connected store
     * @param disabled capability names to treat as absent (upper case)
     * @return what the server announces, less the disabled ones
     * @throws MessagingException if the capability query fails
     */
    public static ImapCapabilities of(IMAPStore store, Set<String> disabled) throws MessagingException {
        Set<String> off = disabled.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        return new ImapCapabilities(
                has(store, off, "CONDSTORE"),
                has(store, off, "QRESYNC") && store.hasCapability("ENABLE"),
                has(store, off, "MOVE"),
                has(store, off, "UIDPLUS"),
                has(store, off, "IDLE"),
                has(store, off, "SPECIAL-USE"));
    }

    private static boolean has(IMAPStore store, Set<String> off, String name) throws MessagingException {
        return !off.contains(name) && store.hasCapability(name);
    }

    /** @return whether per-message modification sequences are available (CONDSTORE or QRESYNC) */
    public boolean modSeq() {
        return condstore || qresync;
    }

    /** @return whether the sync can be pushed (IDLE) */
    public boolean isPushCapable() {
        return idle;
    }
}

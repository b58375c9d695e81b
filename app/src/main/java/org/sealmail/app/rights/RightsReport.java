package org.sealmail.app.rights;

import java.io.PrintWriter;
import org.sealmail.app.cli.TerminalText;

/**
 * Writes a message status and an access log in words, for the {@code sealmail rights} commands and the
 * desktop client's rights dialog; text from the server is made safe for a terminal first.
 */
public final class RightsReport {

    private RightsReport() {
    }

    /**
     * @param status a message status
     * @param out where to write it, one fact per line
     */
    public static void status(MessageStatus status, PrintWriter out) {
        out.println("Message: " + status.contentId());
        out.println("Issuer: " + TerminalText.safe(status.issuer()));
        out.println("Registered: " + status.registeredAt());
        out.println("Expires: " + status.notAfter().map(Object::toString).orElse("never"));
        out.println("Revoked: " + status.revokedAt().map(at -> at + status.revocationReason()
                .map(reason -> " (" + TerminalText.safe(reason) + ")").orElse("")).orElse("no"));
        out.println("Double key encryption: " + (status.doubleKey() ? "yes" : "no"));
        out.println("Web reader: " + (status.webReader() ? status.readerUrl() : "not available"));
        for (MessageStatus.Recipient recipient : status.recipients()) {
            out.println("Recipient: " + TerminalText.safe(recipient.licensee()) + " " + String.join(", ", recipient.rights()));
        }
    }

    /**
     * @param log an access log
     * @param out where to write it: one line per entry, oldest first, then who can still read offline until when
     */
    public static void log(AccessLog log, PrintWriter out) {
        out.println("Access log of " + log.contentId() + " (" + log.entries().size() + " entries, oldest first):");
        for (AccessLog.Entry entry : log.entries()) {
            out.println("  " + entry.at() + "  " + TerminalText.safe(entry.licensee()) + "  " + entry.channel() + "  "
                    + entry.outcome() + "  " + TerminalText.safe(entry.reason())
                    + entry.device().map(device -> "  device " + device).orElse("")
                    + entry.notAfter().map(notAfter -> "  until " + notAfter).orElse("")
                    + (entry.client().isEmpty() ? "" : "  (" + TerminalText.safe(entry.client()) + ")"));
        }
        if (log.offlineAccess().isEmpty()) {
            out.println("Nobody can read it offline: no use license is still in force.");
        } else {
            out.println("Can still read offline (cached use licenses, also after a revocation):");
            for (AccessLog.OfflineAccess access : log.offlineAccess()) {
                out.println("  " + TerminalText.safe(access.licensee()) + " on device " + access.device() + " until "
                        + access.notAfter());
            }
        }
    }
}

package org.sealmail.app.rights;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message's access log (docs/rights-server-api.md §7): every use-license request, web-reader view and
 * passcode step, oldest first, and who can still read offline until when.
 *
 * @param contentId the content id
 * @param entries the entries, oldest first
 * @param offlineAccess for each (licensee, device), the latest use license still in force
 */
public record AccessLog(String contentId, List<Entry> entries, List<OfflineAccess> offlineAccess) {

    /** Copies the lists. */
    public AccessLog {
        entries = List.copyOf(entries);
        offlineAccess = List.copyOf(offlineAccess);
    }

    /**
     * One access.
     *
     * @param at when (UTC)
     * @param licensee who
     * @param client the software named by the client
     * @param channel {@code api} or {@code web}
     * @param outcome {@code granted} or {@code denied}
     * @param reason a reason code or words
     * @param device the device key id, for use licenses
     * @param notAfter the use license's notAfter, when one was issued
     */
    public record Entry(Instant at, String licensee, String client, String channel, String outcome, String reason,
            Optional<String> device, Optional<Instant> notAfter) {
    }

    /**
     * Who can still open the message offline, with a use license issued earlier.
     *
     * @param licensee the address
     * @param device the device key id
     * @param notAfter until when (UTC)
     */
    public record OfflineAccess(String licensee, String device, Instant notAfter) {
    }

    static AccessLog read(JsonMembers json) {
        return new AccessLog(json.string("cid"), json.objects("entries").stream().map(entry -> new Entry(
                entry.requiredInstant("at"), entry.optionalString("licensee").orElse(""), entry.optionalString("client").orElse(""),
                entry.optionalString("channel").orElse(""), entry.optionalString("outcome").orElse(""),
                entry.optionalString("reason").orElse(""), entry.optionalString("device"), entry.instant("not_after"))).toList(),
                json.objects("offline_access").stream().map(item -> new OfflineAccess(item.string("licensee"),
                        item.string("device"), item.requiredInstant("not_after"))).toList());
    }
}

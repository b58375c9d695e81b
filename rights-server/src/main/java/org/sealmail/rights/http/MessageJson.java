package org.sealmail.rights.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.rights.license.LicenseClaims;
import org.sealmail.rights.license.PublishingLicenseReader;
import org.sealmail.rights.store.AccessLogEntry;
import org.sealmail.rights.store.StoredMessage;

/** The JSON shapes of message status and access log (docs/rights-server-api.md §3, §7). */
public final class MessageJson {

    private MessageJson() {
    }

    /**
     * @param message the stored message
     * @param publicUrl this server's public URL
     * @return the message status object
     */
    public static Map<String, Object> status(StoredMessage message, String publicUrl) {
        LicenseClaims claims = PublishingLicenseReader.readStored(message.publishingLicense());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cid", message.cid());
        json.put("issuer", message.issuer());
        json.put("registered_at", message.registeredAt().getEpochSecond());
        json.put("not_after", message.notAfter().map(Instant::getEpochSecond).orElse(null));
        json.put("revoked_at", message.revokedAt().map(Instant::getEpochSecond).orElse(null));
        json.put("revocation_reason", message.revocationReason().orElse(null));
        json.put("double_key", message.doubleKey());
        json.put("web_reader", message.content().isPresent() && !message.doubleKey());
        json.put("reader_url", publicUrl + "/m/" + message.cid());
        List<Object> recipients = new ArrayList<>();
        for (Map.Entry<String, UsageRights> grant : new TreeMap<>(claims.grants()).entrySet()) {
            if (grant.getKey().equals(claims.issuer())) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("licensee", grant.getKey());
            entry.put("rights", grant.getValue().names());
            recipients.add(entry);
        }
        json.put("recipients", recipients);
        return json;
    }

    /**
     * @param cid content id
     * @param entries the access log, oldest first
     * @param now the current time, for {@code offline_access}
     * @return the access-log object with {@code entries} and {@code offline_access}
     */
    public static Map<String, Object> accessLog(String cid, List<AccessLogEntry> entries, Instant now) {
        List<Object> list = new ArrayList<>();
        Map<String, AccessLogEntry> offline = new LinkedHashMap<>();
        for (AccessLogEntry entry : entries) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("at", entry.at().getEpochSecond());
            json.put("licensee", entry.licensee().orElse(null));
            json.put("client", entry.client().orElse(null));
            json.put("channel", entry.channel());
            json.put("outcome", entry.granted() ? "granted" : "denied");
            json.put("reason", entry.reason());
            json.put("device", entry.device().orElse(null));
            json.put("not_after", entry.notAfter().map(Instant::getEpochSecond).orElse(null));
            list.add(json);
            if (entry.granted() && entry.device().isPresent() && entry.notAfter().isPresent()
                    && entry.notAfter().get().isAfter(now)) {
                String key = entry.licensee().orElse("") + "\n" + entry.device().get();
                AccessLogEntry earlier = offline.get(key);
                if (earlier == null || entry.notAfter().get().isAfter(earlier.notAfter().get())) {
                    offline.put(key, entry);
                }
            }
        }
        List<Object> readers = new ArrayList<>();
        offline.values().stream().sorted(Comparator.comparing((AccessLogEntry entry) -> entry.notAfter().get()))
                .forEach(entry -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("licensee", entry.licensee().orElse(null));
                    json.put("device", entry.device().get());
                    json.put("not_after", entry.notAfter().get().getEpochSecond());
                    readers.add(json);
                });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cid", cid);
        json.put("entries", list);
        json.put("offline_access", readers);
        return json;
    }
}

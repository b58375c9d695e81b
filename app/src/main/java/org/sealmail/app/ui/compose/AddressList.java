package org.sealmail.app.ui.compose;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses what the user typed in To, Cc or Bcc: addresses separated by commas or semicolons. */
public final class AddressList {

    private AddressList() {
    }

    /**
     * @param typed e.g. {@code "Alice <alice@example.org>, bob@example.org"}
     * @return the entries as typed, trimmed, empty ones dropped
     */
    public static List<String> entries(String typed) {
        List<String> entries = new ArrayList<>();
        if (typed == null) {
            return entries;
        }
        for (String entry : typed.split("[,;]")) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }

    /**
     * @param entry one entry, e.g. {@code "Alice <alice@example.org>"}
     * @return its bare addr-spec (RFC 5322 §3.4.1), or empty when it is not a valid address
     */
    public static Optional<String> addrSpec(String entry) {
        try {
            InternetAddress address = new InternetAddress(entry, true);
            String spec = address.getAddress();
            return spec != null && spec.contains("@") ? Optional.of(spec) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}

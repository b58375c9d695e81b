package org.sealmail.app.cli.smime;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.smime.mime.RawMimeHeaders;

/**
 * The mailbox addresses of address header fields (RFC 5322 §3.4): lower-cased, without
 * duplicates, with group syntax ({@code Team: a@x, b@y;}, {@code undisclosed-recipients:;})
 * replaced by its members.
 */
final class MessageAddresses {

    private MessageAddresses() {
    }

    /**
     * @param headers a message's header fields
     * @param fieldNames the fields to read, e.g. To, Cc, Bcc; every occurrence of each counts
     * @return their addresses, in order of appearance
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if a field cannot be parsed
     */
    static List<String> of(RawMimeHeaders headers, String... fieldNames) {
        List<String> addresses = new ArrayList<>();
        for (String field : fieldNames) {
            for (String value : headers.values(field)) {
                try {
                    for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                        InternetAddress[] mailboxes = address.isGroup() ? address.getGroup(false) : new InternetAddress[] {address};
                        for (InternetAddress mailbox : mailboxes) {
                            String normalized = mailbox.getAddress() == null ? ""
                                    : mailbox.getAddress().trim().toLowerCase(Locale.ROOT);
                            if (!normalized.isEmpty() && !addresses.contains(normalized)) {
                                addresses.add(normalized);
                            }
                        }
                    }
                } catch (AddressException e) {
                    throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                            "cannot read the " + field + " addresses: " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(addresses);
    }
}

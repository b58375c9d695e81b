package org.sealmail.mailstore.messages;

import java.util.Objects;

/**
 * An address from a message header (RFC 5322 §3.4), decoded (RFC 2047).
 *
 * @param name the display name, or {@code null}
 * @param address the addr-spec as written (may be empty when the header could not be parsed)
 */
public record MailAddress(String name, String address) {

    /** Checks the address. */
    public MailAddress {
        Objects.requireNonNull(address, "address");
    }

    /** @return "Name &lt;address&gt;", or the address alone */
    @Override
    public String toString() {
        return name == null || name.isEmpty() ? address : name + " <" + address + ">";
    }
}

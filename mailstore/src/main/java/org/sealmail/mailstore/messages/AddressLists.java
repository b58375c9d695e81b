package org.sealmail.mailstore.messages;

import java.util.ArrayList;
import java.util.List;

/** Stores address lists in one text column: one address per line, "address TAB name". */
final class AddressLists {

    private AddressLists() {
    }

    static String encode(List<MailAddress> addresses) {
        if (addresses.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (MailAddress address : addresses) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(clean(address.address())).append('\t');
            if (address.name() != null) {
                text.append(clean(address.name()));
            }
        }
        return text.toString();
    }

    static List<MailAddress> decode(String text) {
        List<MailAddress> addresses = new ArrayList<>();
        if (text == null) {
            return addresses;
        }
        for (String line : text.split("\n", -1)) {
            int tab = line.indexOf('\t');
            String address = tab < 0 ? line : line.substring(0, tab);
            String name = tab < 0 || tab == line.length() - 1 ? null : line.substring(tab + 1);
            addresses.add(new MailAddress(name, address));
        }
        return addresses;
    }

    /** @return names and addresses as one line of words, for the full-text index */
    static String searchable(List<MailAddress> addresses) {
        StringBuilder text = new StringBuilder();
        for (MailAddress address : addresses) {
            if (address.name() != null) {
                text.append(address.name()).append(' ');
            }
            text.append(address.address()).append(' ');
        }
        return text.toString().trim();
    }

    private static String clean(String value) {
        return value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}

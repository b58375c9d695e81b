package org.sealmail.crypto.smime.verify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.smime.mime.RawMimeEntity;
import org.sealmail.crypto.smime.mime.RawMimeParser;

/**
 * The sender of a message as its header fields state it (RFC 5322 §3.6.2): the From mailboxes,
 * the Sender mailbox, and the Date. Addresses are lower-cased.
 *
 * @param from the From addresses, in order; empty when the field is missing or unreadable
 * @param sender the Sender address, when present
 * @param date the Date field, when present and readable
 */
public record SenderAddresses(List<String> from, Optional<String> sender, Optional<Instant> date) {

    private static final Pattern ADDR_SPEC = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

    /** Copies the list. */
    public SenderAddresses {
        from = List.copyOf(from);
    }

    /** @return no sender at all (a bare CMS structure): addresses are then not checked */
    public static SenderAddresses none() {
        return new SenderAddresses(List.of(), Optional.empty(), Optional.empty());
    }

    /** @return From and Sender addresses together, without duplicates */
    public List<String> all() {
        List<String> all = new ArrayList<>(from);
        sender.filter(address -> !all.contains(address)).ifPresent(all::add);
        return List.copyOf(all);
    }

    /**
     * @param message a raw RFC 5322 message as received
     * @return the sender its header fields state
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if the input is empty or does
     *     not start with a header field
     */
    public static SenderAddresses of(byte[] message) {
        return of(RawMimeParser.parseMessage(message));
    }

    /**
     * @param message a parsed message
     * @return the sender its header fields state
     */
    public static SenderAddresses of(RawMimeEntity message) {
        List<String> from = new ArrayList<>();
        for (String value : message.headers("From")) {
            from.addAll(addresses(value));
        }
        Optional<String> sender = message.header("Sender").map(SenderAddresses::addresses)
                .filter(list -> !list.isEmpty()).map(list -> list.get(0));
        Optional<Instant> date = message.header("Date").flatMap(SenderAddresses::parseDate);
        return new SenderAddresses(from, sender, date);
    }

    private static List<String> addresses(String value) {
        List<String> result = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                if (address.getAddress() != null && address.getAddress().contains("@")) {
                    result.add(address.getAddress().trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (AddressException e) {
            Matcher matcher = ADDR_SPEC.matcher(value);
            while (matcher.find()) {
                result.add(matcher.group().toLowerCase(Locale.ROOT));
            }
        }
        return result;
    }

    private static Optional<Instant> parseDate(String value) {
        try {
            return Optional.ofNullable(new MailDateFormat().parse(value)).map(java.util.Date::toInstant);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

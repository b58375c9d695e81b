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
 * the Sender mailbox, and the Date. Addresses are lower-cased; group syntax ({@code Team:
 * a@x, b@y;}) counts as its members. RFC 5322 allows one From and one Sender field; when a
 * message carries more (only an altered message does), every address of every field counts,
 * so that no reader's choice of field can show an address the certificate does not name.
 *
 * @param from the From addresses, in order; empty when the field is missing or unreadable
 * @param sender the Sender address(es): one for a well-formed message, none when absent
 * @param date the Date field, when present and readable
 */
public record SenderAddresses(List<String> from, List<String> sender, Optional<Instant> date) {

    private static final Pattern ADDR_SPEC = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

    /** Copies the list. */
    public SenderAddresses {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
    }

    /** @return no sender at all (a bare CMS structure): addresses are then not checked */
    public static SenderAddresses none() {
        return new SenderAddresses(List.of(), List.of(), Optional.empty());
    }

    /** @return From and Sender addresses together, without duplicates */
    public List<String> all() {
        List<String> all = new ArrayList<>(from);
        sender.stream().filter(address -> !all.contains(address)).forEach(all::add);
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
        List<String> sender = new ArrayList<>();
        for (String value : message.headers("Sender")) {
            addresses(value).stream().filter(address -> !sender.contains(address)).forEach(sender::add);
        }
        Optional<Instant> date = message.header("Date").flatMap(SenderAddresses::parseDate);
        return new SenderAddresses(from, sender, date);
    }

    private static List<String> addresses(String value) {
        List<String> result = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                for (InternetAddress mailbox : address.isGroup() ? address.getGroup(false) : new InternetAddress[] {address}) {
                    if (mailbox.getAddress() != null && mailbox.getAddress().contains("@")) {
                        result.add(mailbox.getAddress().trim().toLowerCase(Locale.ROOT));
                    }
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

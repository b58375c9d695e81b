package org.sealmail.policy.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses ({@code local@domain.tld}, RFC 5322 dot-atom form), one detection per distinct
 * address (case-insensitive), {@link Confidence#HIGH}: the form is unambiguous. Addresses inside
 * URLs (user information of a link) are skipped; {@code mailto:} addresses count.
 */
final class EmailAddressDetector implements SensitiveInformationDetector {

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}(?![\\p{L}\\p{N}])");

    @Override
    public List<Detection> detect(ScanText text) {
        Set<String> distinct = new HashSet<>();
        List<Detection> found = new ArrayList<>();
        Matcher matcher = ADDRESS.matcher(text.text());
        while (matcher.find()) {
            if (!text.inUrl(matcher.start(), matcher.end()) && distinct.add(matcher.group().toLowerCase(Locale.ROOT))) {
                found.add(new Detection(SensitiveType.EMAIL_ADDRESS_LIST, Confidence.HIGH));
            }
        }
        return found;
    }
}

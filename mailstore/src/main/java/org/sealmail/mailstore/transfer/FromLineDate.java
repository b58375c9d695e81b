package org.sealmail.mailstore.transfer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date of an mbox "From " line (C asctime form, e.g. {@code Thu Aug 22 12:36:23 2002}), read as UTC. */
final class FromLineDate {

    private static final Pattern ASCTIME = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\\d{1,2}) +(\\d{1,2}:\\d{2}(?::\\d{2})?)"
                    + "(?: +[A-Z]{2,5}| +[+-]\\d{4})? +(\\d{4})");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MMM d H:mm:ss yyyy", Locale.US);

    private FromLineDate() {
    }

    /** @return the date of the line, or {@code null} if it carries none */
    static Instant parse(String fromLine) {
        Matcher matcher = ASCTIME.matcher(fromLine);
        if (!matcher.find()) {
            return null;
        }
        String time = matcher.group(4).length() <= 5 ? matcher.group(4) + ":00" : matcher.group(4);
        try {
            return LocalDateTime.parse(matcher.group(2) + " " + matcher.group(3) + " " + time + " " + matcher.group(5), FORMAT)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

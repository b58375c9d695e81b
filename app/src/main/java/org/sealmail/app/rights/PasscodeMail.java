package org.sealmail.app.rights;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the passcode mail a rights server sends (docs/rights-server-api.md §4): header
 * {@code X-Sealmail-Passcode: cid=<cid>; expires=<seconds>} and a {@code text/plain} line matching
 * {@code ^Passcode: ([0-9]{8})$}.
 *
 * @param contentId the {@code cid} parameter
 * @param expiresAt the {@code expires} parameter
 * @param passcode the 8 digits
 */
public record PasscodeMail(String contentId, Instant expiresAt, String passcode) {

    /** The header naming the message and the code's expiry. */
    public static final String HEADER = "X-Sealmail-Passcode";

    private static final Pattern CID = Pattern.compile("(?:^|;)\\s*cid=\"?([^\";\\s]+)\"?");
    private static final Pattern EXPIRES = Pattern.compile("(?:^|;)\\s*expires=\"?([0-9]{1,12})\"?");
    private static final Pattern CODE = Pattern.compile("^Passcode: ([0-9]{8})$", Pattern.MULTILINE);

    /**
     * @param message a received mail
     * @return the passcode mail's members, or empty if it is not a (well-formed) passcode mail
     */
    public static Optional<PasscodeMail> read(Part message) {
        try {
            String[] headers = message.getHeader(HEADER);
            if (headers == null || headers.length != 1) {
                return Optional.empty();
            }
            Matcher cid = CID.matcher(headers[0]);
            Matcher expires = EXPIRES.matcher(headers[0]);
            if (!cid.find() || !expires.find()) {
                return Optional.empty();
            }
            Optional<String> text = plainText(message);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Matcher code = CODE.matcher(text.get().replace("\r\n", "\n"));
            if (!code.find()) {
                return Optional.empty();
            }
            return Optional.of(new PasscodeMail(cid.group(1), Instant.ofEpochSecond(Long.parseLong(expires.group(1))),
                    code.group(1)));
        } catch (MessagingException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int index = 0; index < multipart.getCount(); index++) {
                Optional<String> text = plainText(multipart.getBodyPart(index));
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }
}

package org.sealmail.crypto.rights.template;

import org.sealmail.crypto.BoundedFiles;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.rights.UsageRights;

/**
 * Reads a custom {@link ProtectionTemplate} from a UTF-8 text file of {@code key = value}
 * lines; blank lines and lines starting with {@code #} are ignored:
 *
 * <pre>
 * name = Legal review                 (required)
 * id = legal-review                   (optional; default "custom:" + the name in lower case, other characters as '-')
 * rights = VIEW, REPLY, REPLYALL      (everyone not matched by a rule)
 * rights[bob@example.org] = VIEW, REPLY, REPLYALL, PRINT
 * rights[@example.org] = VIEW, REPLY  (every address of that domain)
 * expires = P30D                      (never | UTC instant 2030-12-31T23:59:59Z | ISO-8601 duration; default never)
 * offline-days = 7                    (whole days, 0 or more; default 30)
 * </pre>
 *
 * Every error names the file and line.
 */
public final class ProtectionTemplateFile {

    private static final Pattern LINE = Pattern.compile("([A-Za-z-]+)(?:\\[([^\\]]*)\\])?\\s*=\\s*(.*)");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9:._-]*");
    private static final String KEYS = "name, id, rights, rights[ADDRESS], rights[@DOMAIN], expires, offline-days";

    private ProtectionTemplateFile() {
    }

    /**
     * Reads and parses a template file.
     *
     * @param file the file (UTF-8)
     * @return the template
     * @throws CryptoException {@link CryptoFailure#IO} if the file cannot be read; {@link CryptoFailure#MALFORMED_INPUT}
     *     with "FILE line N: ..." for any error in it
     */
    public static ProtectionTemplate read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(BoundedFiles.read(file, BoundedFiles.TEXT_LIMIT))).toString();
        } catch (NoSuchFileException e) {
            throw new CryptoException(CryptoFailure.IO, "template file not found: " + file, e);
        } catch (CharacterCodingException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read template file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses template text.
     *
     * @param text the lines
     * @param source what to call the text in error messages (a file name)
     * @return the template
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} with "SOURCE line N: ..." for any error
     */
    public static ProtectionTemplate parse(String text, String source) {
        String name = null;
        String id = null;
        UsageRights everyone = UsageRights.none();
        List<RightsRule> rules = new ArrayList<>();
        Expiry expiry = Expiry.NEVER;
        int offlineDays = ProtectionTemplate.DEFAULT_OFFLINE_DAYS;
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int number = index + 1;
            String line = lines[index].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw error(source, number, "expected 'key = value', got '" + line + "'");
            }
            String key = matcher.group(1).toLowerCase(Locale.ROOT);
            String subject = matcher.group(2);
            String value = matcher.group(3).strip();
            String seenKey = subject == null ? key : key + "[" + subject.strip().toLowerCase(Locale.ROOT) + "]";
            Integer first = seen.putIfAbsent(seenKey, number);
            if (first != null) {
                throw error(source, number, "'" + seenKey + "' given twice (first on line " + first + ")");
            }
            if (subject != null && !key.equals("rights")) {
                throw error(source, number, "only 'rights' takes [ADDRESS] or [@DOMAIN], not '" + key + "'");
            }
            try {
                switch (key) {
                    case "name" -> name = requireValue(value, "name");
                    case "id" -> id = parseId(value);
                    case "rights" -> {
                        UsageRights rights = parseRights(value, subject == null ? "everyone" : subject.strip());
                        if (subject == null) {
                            everyone = rights;
                        } else {
                            rules.add(rule(subject, rights));
                        }
                    }
                    case "expires" -> expiry = Expiry.parse(requireValue(value, "expires"));
                    case "offline-days" -> offlineDays = parseDays(value);
                    default -> throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                            "unknown key '" + key + "' (expected " + KEYS + ")");
                }
            } catch (CryptoException e) {
                throw error(source, number, e.getMessage());
            }
        }
        if (name == null) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, source + ": missing 'name = ...'");
        }
        if (everyone.isEmpty() && rules.isEmpty()) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    source + ": the template grants no rights to anyone (add 'rights = ...' or 'rights[ADDRESS] = ...')");
        }
        if (id == null) {
            id = "custom:" + defaultId(name);
        }
        return new ProtectionTemplate(id, name, everyone, rules, expiry, offlineDays);
    }

    /** @return the name in lower case, each run of other characters than a-z 0-9 . _ - as one '-', none at the ends */
    private static String defaultId(String name) {
        String id = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "template" : id;
    }

    private static String requireValue(String value, String key) {
        if (value.isEmpty()) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "'" + key + "' has no value");
        }
        return value;
    }

    private static String parseId(String value) {
        String id = requireValue(value, "id");
        if (!ID.matcher(id).matches()) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    "id '" + id + "' must be lower-case letters, digits and : . _ -");
        }
        if (ProtectionTemplate.builtIn(id).isPresent()) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "id '" + id + "' is a built-in template's id");
        }
        return id;
    }

    private static UsageRights parseRights(String value, String who) {
        UsageRights rights = UsageRights.parse(requireValue(value, "rights"));
        if (!rights.contains(org.sealmail.crypto.rights.UsageRight.VIEW)) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "rights for " + who + " must include VIEW");
        }
        return rights;
    }

    private static RightsRule rule(String subject, UsageRights rights) {
        try {
            return new RightsRule(subject, rights);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    "rights[" + subject + "]: " + e.getMessage() + " (use rights[bob@example.org] or rights[@example.org])", e);
        }
    }

    private static int parseDays(String value) {
        try {
            int days = Integer.parseInt(requireValue(value, "offline-days"));
            if (days >= 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "offline-days must be a whole number of days, 0 or more, got '"
                + value + "'");
    }

    private static CryptoException error(String source, int line, String message) {
        return new CryptoException(CryptoFailure.MALFORMED_INPUT, source + " line " + line + ": " + message);
    }
}

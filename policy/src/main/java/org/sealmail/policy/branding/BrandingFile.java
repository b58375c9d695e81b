package org.sealmail.policy.branding;

import org.sealmail.crypto.BoundedFiles;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealmail.crypto.rights.message.Branding;
import org.sealmail.crypto.rights.message.BrandingLogo;
import org.sealmail.policy.PolicyFileException;
import org.sealmail.policy.PolicyFileProblem;

/**
 * Reads a {@link BrandingTemplate} from a UTF-8 file of {@code key = value} lines (blank lines
 * and lines starting with {@code #} ignored; docs/protection-rules.md, "Branding files"):
 *
 * <pre>
 * name = contoso                                   (required; letters, digits, . _ -)
 * intro = This message is protected by Contoso.    (default: Sealmail's intro line)
 * disclaimer = Confidential: for the addressees only.
 * disclaimer = If you received it by mistake, delete it.   (repeat for more lines)
 * privacy-url = https://contoso.example/privacy    (https only)
 * logo = contoso-logo.png                          (PNG or JPEG, at most 64 KiB; relative to this file)
 * background = #F3F6FA                             (#RRGGBB)
 * </pre>
 *
 * The file is taken whole or not at all: every problem is reported with file and line.
 */
public final class BrandingFile {

    private static final Pattern LINE = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(.*)");
    private static final String KEYS = "name, intro, disclaimer, privacy-url, logo, background";

    private BrandingFile() {
    }

    /**
     * @param file a branding file
     * @return the branding it describes
     * @throws PolicyFileException if the file cannot be read or has any problem
     */
    public static BrandingTemplate read(Path file) {
        return parse(readText(file), file.toString(), file.toAbsolutePath().getParent());
    }

    /**
     * @param text the file's text
     * @param source what to call it in problems (its path)
     * @param baseDirectory where relative logo paths start
     * @return the branding
     * @throws PolicyFileException with every problem found
     */
    public static BrandingTemplate parse(String text, String source, Path baseDirectory) {
        List<PolicyFileProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String name = null;
        String intro = Branding.DEFAULT.introText();
        List<String> disclaimer = new ArrayList<>();
        Optional<URI> privacy = Optional.empty();
        Optional<BrandingLogo> logo = Optional.empty();
        Optional<String> background = Optional.empty();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int number = index + 1;
            String line = lines[index].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                problems.add(new PolicyFileProblem(source, number, "expected 'key = value', got '" + line + "'"));
                continue;
            }
            String key = matcher.group(1).toLowerCase(Locale.ROOT);
            String value = matcher.group(2).strip();
            Integer first = seen.putIfAbsent(key, number);
            if (first != null && !key.equals("disclaimer")) {
                problems.add(new PolicyFileProblem(source, number, "'" + key + "' given twice (first on line " + first + ")"));
                continue;
            }
            if (value.isEmpty()) {
                problems.add(new PolicyFileProblem(source, number, "'" + key + "' has no value"));
                continue;
            }
            try {
                switch (key) {
                    case "name" -> name = new BrandingTemplate(value, Branding.DEFAULT).name();
                    case "intro" -> intro = Branding.DEFAULT.withIntroText(value).introText();
                    case "disclaimer" -> disclaimer.add(value);
                    case "privacy-url" -> privacy = Optional.of(privacyUrl(value));
                    case "logo" -> logo = Optional.of(logo(baseDirectory.resolve(value)));
                    case "background" -> background = Optional.of(Branding.DEFAULT.withBackgroundColour(value)
                            .backgroundColour().orElseThrow());
                    default -> throw new IllegalArgumentException("unknown key '" + key + "' (expected " + KEYS + ")");
                }
            } catch (IllegalArgumentException e) {
                problems.add(new PolicyFileProblem(source, number, e.getMessage()));
            }
        }
        if (!seen.containsKey("name")) {
            problems.add(new PolicyFileProblem(source, 0, "missing 'name = ...'"));
        }
        if (!problems.isEmpty()) {
            throw new PolicyFileException(problems);
        }
        return new BrandingTemplate(name, new Branding(intro, String.join("\n", disclaimer), privacy, logo, background));
    }

    private static URI privacyUrl(String value) {
        try {
            URI url = new URI(value);
            Branding.DEFAULT.withPrivacyStatement(url);
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("privacy-url is not a URL: " + e.getMessage(), e);
        }
    }

    private static BrandingLogo logo(Path file) {
        try {
            long size = Files.size(file);
            if (size > BrandingLogo.MAX_BYTES) {
                throw new IllegalArgumentException("the logo " + file + " has " + size + " bytes; at most "
                        + BrandingLogo.MAX_BYTES + " (64 KiB) are allowed");
            }
            return new BrandingLogo(BoundedFiles.read(file, BrandingLogo.MAX_BYTES));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("logo file not found: " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the logo " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readText(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(BoundedFiles.read(file, BoundedFiles.TEXT_LIMIT))).toString();
        } catch (NoSuchFileException e) {
            throw new PolicyFileException(List.of(new PolicyFileProblem(file.toString(), 0, "file not found")));
        } catch (CharacterCodingException e) {
            throw new PolicyFileException(List.of(new PolicyFileProblem(file.toString(), 0, "not UTF-8 text")));
        } catch (IOException e) {
            throw new PolicyFileException(List.of(new PolicyFileProblem(file.toString(), 0, "cannot read: " + e.getMessage())));
        }
    }
}

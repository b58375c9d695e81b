package org.sealmail.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sealmail.app.ui.mailbox.ConnectionState;
import org.sealmail.app.ui.mailbox.ProtectionKind;
import org.sealmail.app.ui.reader.DisplayPart;
import org.sealmail.app.ui.reader.ReaderAction;
import org.sealmail.app.ui.compose.RecipientReadiness;
import org.sealmail.app.ui.settings.UiPreferences;
import org.sealmail.app.ui.setup.ServerEndpoint;
import org.sealmail.crypto.rights.UsageRight;

/**
 * Every key used in FXML ({@code %key}) and in code ({@code "feature.key"} literals and the key
 * families built from enums) exists in the English bundle; no key is unused, duplicated or badly
 * formatted.
 */
class UiTextConsistencyTest {

    private static final Path APP_SOURCES = Path.of("src/main/java/org/sealmail/app");
    private static final Path RESOURCES = Path.of("../ui-resources/src/main/resources/org/sealmail/ui");
    private static final Path BUNDLE = RESOURCES.resolve("i18n/messages.properties");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([a-z0-9.-]+)\"");
    private static final Pattern CODE_KEY = Pattern.compile(
            "\"((?:app|main|menu|toolbar|reader|compose|settings|setup|right|rules)\\.[a-z0-9._-]+[a-z0-9])\"");

    private static Map<String, String> bundle() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        Set<String> duplicates = new TreeSet<>();
        List<String> lines = Files.readAllLines(BUNDLE, StandardCharsets.ISO_8859_1);
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String key = line.substring(0, line.indexOf('='));
            if (entries.put(key, line.substring(line.indexOf('=') + 1)) != null) {
                duplicates.add(key);
            }
        }
        assertThat(duplicates).as("duplicate keys").isEmpty();
        return entries;
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path fxml : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher matcher = FXML_KEY.matcher(Files.readString(fxml));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        try (Stream<Path> files = Files.walk(APP_SOURCES)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = CODE_KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        // Key families the code builds from enum constants.
        for (UsageRight right : UsageRight.values()) {
            used.add("right." + lower(right));
        }
        for (ReaderAction action : ReaderAction.values()) {
            used.add("reader.refused." + lower(action).replace('_', '-'));
        }
        for (DisplayPart.Origin origin : DisplayPart.Origin.values()) {
            used.add("reader.part." + lower(origin));
        }
        for (ConnectionState state : ConnectionState.values()) {
            used.add("main.status.connection." + lower(state));
        }
        for (ProtectionKind kind : ProtectionKind.values()) {
            if (kind != ProtectionKind.NONE) {
                used.add("main.list.protection." + lower(kind));
            }
        }
        for (RecipientReadiness.Status status : RecipientReadiness.Status.values()) {
            used.add("compose.recipient." + lower(status));
        }
        for (UiPreferences.DefaultProtection protection : UiPreferences.DefaultProtection.values()) {
            used.add("settings.protection." + lower(protection));
        }
        for (ServerEndpoint.Security security : ServerEndpoint.Security.values()) {
            used.add("setup.security." + lower(security));
        }
        for (org.sealmail.policy.rules.ActionKind action : org.sealmail.policy.rules.ActionKind.values()) {
            used.add("rules.action." + lower(action));
        }
        for (org.sealmail.policy.detect.SensitiveType type : org.sealmail.policy.detect.SensitiveType.values()) {
            used.add("rules.type." + lower(type));
        }
        // prefixes of key families are not keys themselves
        used.removeIf(key -> key.endsWith("."));
        return used;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Test
    void everyUsedKeyExists() throws IOException {
        Set<String> missing = new TreeSet<>(usedKeys());
        missing.removeAll(bundle().keySet());
        assertThat(missing).as("keys used but missing from messages.properties").isEmpty();
    }

    @Test
    void noKeyIsUnused() throws IOException {
        Set<String> unused = new TreeSet<>(bundle().keySet());
        unused.removeAll(usedKeys());
        assertThat(unused).as("keys in messages.properties that nothing uses").isEmpty();
    }

    @Test
    void keysAreDottedLowerCaseAndPatternsWithArgumentsQuoteApostrophes() throws IOException {
        Set<String> bad = new HashSet<>();
        for (Map.Entry<String, String> entry : bundle().entrySet()) {
            if (!entry.getKey().matches("[a-z]+(\\.[a-z0-9_-]+)+")) {
                bad.add(entry.getKey() + ": not a dotted lower-case key");
            }
            if (entry.getValue().contains("{0") && entry.getValue().replace("''", "").contains("'")) {
                bad.add(entry.getKey() + ": single apostrophe in a MessageFormat pattern");
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void theBundleLoadsFromTheClassPathAsUtf8Escapes() throws IOException {
        try (InputStream in = UiText.class.getResourceAsStream("/org/sealmail/ui/i18n/messages.properties")) {
            assertThat(in).isNotNull();
            byte[] bytes = in.readAllBytes();
            for (byte b : bytes) {
                assertThat(b & 0xff).as("non-ASCII byte: write \\uXXXX escapes").isLessThan(0x80);
            }
        }
        assertThat(UiText.english().get("reader.protection.template", "Do Not Forward", "alice@example.org"))
                .isEqualTo("Protected with \u201cDo Not Forward\u201d by alice@example.org");
    }
}

package org.sealmail.crypto.rights.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;

class ProtectionTemplateFileTest {

    private static final String GOOD = """
            # Legal review: the board reads, lawyers may print
            name = Legal review
            rights = VIEW, REPLY, REPLYALL
            rights[counsel@lawfirm.example] = VIEW, REPLY, REPLYALL, PRINT, EXTRACT
            rights[@board.example] = VIEW, REPLY

            expires = P14D
            offline-days = 3
            """;

    @Test
    void readsEveryKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("legal.template");
        Files.writeString(file, GOOD);

        ProtectionTemplate template = ProtectionTemplateFile.read(file);

        assertThat(template.name()).isEqualTo("Legal review");
        assertThat(template.id()).isEqualTo("custom:legal-review");
        assertThat(template.everyone()).isEqualTo(UsageRights.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL));
        assertThat(template.rightsFor("counsel@lawfirm.example").toString()).isEqualTo("VIEW, EXTRACT, PRINT, REPLY, REPLYALL");
        assertThat(template.rightsFor("chair@board.example")).isEqualTo(UsageRights.of(UsageRight.VIEW, UsageRight.REPLY));
        assertThat(template.expiry()).isEqualTo(new Expiry.After(Duration.ofDays(14)));
        assertThat(template.offlineDays()).isEqualTo(3);
    }

    @Test
    void defaultsAreNoExpiryAndThirtyOfflineDaysAndAnIdMayBeGiven() {
        ProtectionTemplate template = ProtectionTemplateFile.parse("name = Board\nid = board-only\nrights[@board.example] = VIEW\n"
                + "expires = 2030-12-31T23:59:59Z\n", "t");
        assertThat(template.id()).isEqualTo("board-only");
        assertThat(template.everyone()).isEqualTo(UsageRights.none());
        assertThat(template.rightsFor("x@elsewhere.example")).isEqualTo(UsageRights.none());
        assertThat(template.expiry()).isEqualTo(new Expiry.At(Instant.parse("2030-12-31T23:59:59Z")));
        assertThat(ProtectionTemplateFile.parse("name = N\nrights = VIEW\n", "t").offlineDays()).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key        | name = N\\nrights = VIEW\\ncolour = red            | t line 3: unknown key 'colour'",
        "unknown right      | name = N\\nrights = VIEW, COPY                    | t line 2: unknown usage right 'COPY'",
        "no equals sign     | name = N\\n\\nrights VIEW                        | t line 3: expected 'key = value'",
        "repeated key       | name = N\\nrights = VIEW\\nname = M               | t line 3: 'name' given twice (first on line 1)",
        "rights without VIEW| name = N\\nrights = PRINT                         | t line 2: rights for everyone must include VIEW",
        "rule without VIEW  | name = N\\nrights[bob@x.example] = REPLY          | t line 2: rights for bob@x.example must include VIEW",
        "bad rule subject   | name = N\\nrights[x.example] = VIEW              | t line 2: rights[x.example]: expected an address or @domain",
        "bad offline days   | name = N\\nrights = VIEW\\noffline-days = -1      | t line 3: offline-days must be a whole number",
        "bad expiry         | name = N\\nrights = VIEW\\nexpires = tomorrow     | t line 3: expiry 'tomorrow' is neither",
        "negative expiry    | # c\\nname = N\\nrights = VIEW\\nexpires = -P1D    | t line 4: expiry period must be positive",
        "built-in id        | id = encrypt\\nname = N\\nrights = VIEW           | t line 1: id 'encrypt' is a built-in template's id",
        "subject on name    | name[x] = N                                    | t line 1: only 'rights' takes [ADDRESS]",
        "empty name         | name =                                         | t line 1: 'name' has no value",
        "missing name       | rights = VIEW                                  | t: missing 'name = ...'",
        "no rights          | name = N                                       | t: the template grants no rights to anyone"})
    void refusesBadFilesNamingTheLine(String label, String text, String expected) {
        assertThatThrownBy(() -> ProtectionTemplateFile.parse(text.replace("\\n", "\n"), "t"))
                .isInstanceOfSatisfying(CryptoException.class,
                        e -> assertThat(e.failure()).isEqualTo(CryptoFailure.MALFORMED_INPUT))
                .hasMessageStartingWith(expected);
    }

    @Test
    void theDefaultIdHasNoDashesAtItsEnds() {
        assertThat(ProtectionTemplateFile.parse("name = Légal (review)\nrights = VIEW\n", "t").id())
                .isEqualTo("custom:l-gal-review");
        assertThat(ProtectionTemplateFile.parse("name = ***\nrights = VIEW\n", "t").id()).isEqualTo("custom:template");
    }

    @Test
    void aMissingFileIsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> ProtectionTemplateFile.read(dir.resolve("absent.template")))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.IO))
                .hasMessageContaining("template file not found");
    }

    /** The example template of docs/protected-message-format.md parses as it is printed there. */
    @Test
    void theDocumentedExampleParsesAsWritten() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "protected-message-format.md"));
        int start = doc.indexOf("# Legal review: counsel");
        int end = doc.indexOf("offline-days = 3", start) + "offline-days = 3".length();
        ProtectionTemplate template = ProtectionTemplateFile.parse(doc.substring(start, end), "protected-message-format.md");

        assertThat(template.id()).isEqualTo("legal-review");
        assertThat(template.name()).isEqualTo("Legal review");
        assertThat(template.everyone().names()).containsExactly("VIEW", "REPLY", "REPLYALL");
        assertThat(template.rightsFor("counsel@lawfirm.example").names())
                .containsExactlyInAnyOrder("VIEW", "REPLY", "REPLYALL", "PRINT", "EXTRACT");
        assertThat(template.rightsFor("ceo@board.example").names()).containsExactly("VIEW", "REPLY");
        assertThat(template.notAfter(Instant.parse("2030-01-01T00:00:00Z"))).contains(Instant.parse("2030-01-15T00:00:00Z"));
        assertThat(template.offlineDays()).isEqualTo(3);
    }
}

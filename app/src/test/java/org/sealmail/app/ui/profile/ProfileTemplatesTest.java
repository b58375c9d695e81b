package org.sealmail.app.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.compose.TemplateOption;
import org.sealmail.crypto.rights.UsageRight;

/** Custom rights templates from the profile's templates directory. */
class ProfileTemplatesTest {

    @TempDir
    Path profile;

    @Test
    void noDirectoryMeansNoCustomTemplates() {
        ProfileTemplates read = ProfileTemplates.read(profile);

        assertThat(read.templates()).isEmpty();
        assertThat(read.problems()).isEmpty();
        assertThat(DesktopServices.templateOptions(read)).extracting(TemplateOption::id)
                .containsExactly("encrypt", "do-not-forward");
    }

    @Test
    void validFilesAreOfferedAfterTheBuiltInOnesAndBrokenOnesAreReportedWithFileAndLine() throws Exception {
        Path directory = Files.createDirectories(profile.resolve(ProfileTemplates.DIRECTORY));
        Files.writeString(directory.resolve("board.template"), "name = Board only\nrights = VIEW, REPLY\nexpires = P30D\n");
        Files.writeString(directory.resolve("broken.template"), "name = Broken\nrights = VIEW, TELEPORT\n");
        Files.writeString(directory.resolve("clash.template"), "name = Mine\nid = encrypt\nrights = VIEW\n");
        Files.writeString(directory.resolve("notes.txt"), "not a template");

        ProfileTemplates read = ProfileTemplates.read(profile);

        assertThat(read.templates()).containsOnlyKeys("custom:board-only");
        assertThat(read.templates().get("custom:board-only").everyone().contains(UsageRight.REPLY)).isTrue();
        assertThat(read.problems()).hasSize(2);
        assertThat(read.problems().get(0)).contains("broken.template").contains("line 2").contains("TELEPORT");
        assertThat(read.problems().get(1)).contains("clash.template").contains("line 2").contains("built-in");
        assertThat(DesktopServices.templateOptions(read)).extracting(TemplateOption::name, TemplateOption::builtIn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Encrypt", true),
                        org.assertj.core.groups.Tuple.tuple("Do Not Forward", true),
                        org.assertj.core.groups.Tuple.tuple("Board only", false));
    }
}

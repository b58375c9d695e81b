package org.sealmail.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GuiLauncherTest {

    @Test
    void linuxWithoutDisplayOrWaylandHasNoDisplay() {
        assertThat(GuiLauncher.displayProblem(Map.of(), "Linux", null))
                .contains("no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        assertThat(GuiLauncher.displayProblem(Map.of("DISPLAY", ":0"), "Linux", null)).isEmpty();
        assertThat(GuiLauncher.displayProblem(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isEmpty();
        assertThat(GuiLauncher.displayProblem(Map.of(), "Windows 11", null)).isEmpty();
        assertThat(GuiLauncher.displayProblem(Map.of(), "Mac OS X", null)).isEmpty();
        assertThat(GuiLauncher.displayProblem(Map.of(), "Linux", "Monocle")).isEmpty();
    }

    @Test
    void sealmailWithoutArgumentsAndWithoutDisplayExplainsAndExits44() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.sealmail.app.Main"));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(44);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains(
                "sealmail: cannot open the desktop client: no graphical display (neither DISPLAY nor WAYLAND_DISPLAY "
                        + "is set). Use the command line instead (sealmail --help); to watch protected mail work without a"
                        + " window, run: sealmail demo --headless");
    }
}

package org.sealmail.app.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real program in a child JVM to check that SEALMAIL_HOME chooses the profile. */
class StoreProfileEnvironmentIT {

    @TempDir
    Path home;

    @TempDir
    Path other;

    @Test
    void sealmailHomeChoosesTheProfileAndTheOptionOverridesIt() throws Exception {
        Result fromEnvironment = run(home, "store", "stats");
        assertThat(fromEnvironment.code()).isZero();
        assertThat(fromEnvironment.out()).contains("Store: " + home.resolve("sealmail.db"));
        assertThat(home.resolve("sealmail.db")).exists();

        Result fromOption = run(home, "--profile", other.toString(), "store", "stats");
        assertThat(fromOption.code()).isZero();
        assertThat(fromOption.out()).contains("Store: " + other.resolve("sealmail.db"));
    }

    @Test
    void helpListsTheProfileOptionAndTheStoreExitCodes() throws Exception {
        Result help = run(home, "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--profile=DIR").contains("%APPDATA%").contains("23").contains("24");
        assertThat(run(home, "store", "import", "--help").out()).contains("--mbox=FILE").contains("--eml=DIR").contains("--folder=NAME");
    }

    private record Result(int code, String out) {
    }

    private static Result run(Path sealmailHome, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.sealmail.app.Main"));
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SEALMAIL_HOME", sealmailHome.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }
}

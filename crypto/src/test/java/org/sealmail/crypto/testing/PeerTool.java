package org.sealmail.crypto.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a peer tool ({@code openssl}, {@code gpgsm}) as a child process for interop tests.
 * Standard output and error are captured as bytes; the run is bounded to two minutes.
 */
public final class PeerTool {

    /** Result of one run. */
    public record Run(List<String> command, int exitCode, byte[] stdout, String stderr) {
        /** @return stdout decoded as UTF-8 */
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** @return this run, after checking it exited 0 */
        public Run ok() {
            if (exitCode != 0) {
                throw new AssertionError(command + " exited " + exitCode + "\nstderr: " + stderr + "\nstdout: " + out());
            }
            return this;
        }
    }

    private PeerTool() {
    }

    /** @return true if the binary is on the PATH */
    public static boolean available(String binary) {
        try {
            Process process = new ProcessBuilder("sh", "-c", "command -v " + binary).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command in the current directory, with no standard input. */
    public static Run run(String... command) {
        return run(null, Map.of(), null, command);
    }

    /**
     * Runs a command.
     *
     * @param directory working directory, or null
     * @param environment extra environment variables
     * @param stdin bytes fed to standard input, or null for none
     * @param command the command and its arguments
     * @return the finished run
     */
    public static Run run(Path directory, Map<String, String> environment, byte[] stdin, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + List.of(command));
            }
            return new Run(new ArrayList<>(List.of(command)), process.exitValue(), out.join(),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + List.of(command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}

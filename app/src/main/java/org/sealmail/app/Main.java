package org.sealmail.app;

import org.sealmail.app.cli.SealmailCommand;

/** Entry point of the {@code sealmail} program: the command line (picocli). */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits with its exit code (see {@link org.sealmail.app.cli.ExitCode}).
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(SealmailCommand.execute(args));
    }
}

package org.sealmail.app.cli.rights;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sealmail rights expire MESSAGE --at INSTANT|now|never}: changes the effective expiry at the rights server. */
@Command(name = "expire", mixinStandardHelpOptions = true, description = "Change a message's expiry at the rights server:"
        + " an ISO-8601 instant (2026-12-31T23:59:59Z), now (expire at once) or never.")
public final class RightsExpireCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SentMessageOptions target;

    @Option(names = "--at", required = true, paramLabel = "INSTANT|now|never", description = "The new expiry (UTC).")
    String at;

    @Override
    public Integer call() {
        Optional<Instant> notAfter;
        switch (at.trim().toLowerCase(Locale.ROOT)) {
            case "never" -> notAfter = Optional.empty();
            case "now" -> notAfter = Optional.of(Instant.now());
            default -> {
                try {
                    notAfter = Optional.of(Instant.parse(at.trim()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--at " + at + ": expected an ISO-8601 instant such as"
                            + " 2026-12-31T23:59:59Z, now or never");
                }
            }
        }
        org.sealmail.app.rights.RightsReport.status(target.client().expiry(target.contentId(), notAfter, target.sender()),
                spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}

package org.sealmail.app.cli.smime;

import org.sealmail.app.cli.MessageFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.crypto.smime.verify.VerificationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail smime verify}: verifies an S/MIME signed message and prints the structured
 * result, one fact per line. Exits 0 only for a valid, trusted, address-matching signature
 * that covers the whole message; otherwise with the documented code of the most severe
 * problem (BAD_SIGNATURE 10, UNTRUSTED 11, ADDRESS_MISMATCH 12, CERTIFICATE_UNSUITABLE 13,
 * UNSUPPORTED_ALGORITHM 17, NOT_SIGNED 20, PARTIALLY_SIGNED 22; MALFORMED_INPUT 14 for input
 * that cannot be read as a message).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify an S/MIME signed message (RFC 8551) and print what was checked, one fact per line.",
            "Exit 0 only for a valid, trusted signature that covers the whole message and matches From/Sender."})
public final class SmimeVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "SIGNED.eml", description = "The message, as received.")
    Path in;

    @Option(names = "--trust", paramLabel = "CA.pem",
            description = "Trusted root certificate(s), PEM or DER; repeatable. Without it nothing is trusted.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--cert", paramLabel = "CERTS.pem",
            description = "Extra certificates (signer or intermediates) for messages that do not carry them; repeatable.")
    List<Path> certificates = new ArrayList<>();

    @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Validation time instead of now: 2006-09-01T09:00:00Z or 2006-09-01 (UTC), for old messages.")
    Instant at;

    @Option(names = "--legacy", description = "Accept SHA-1 signatures, MD5/SHA-1-signed certificates and 1024-bit keys"
            + " (old archives).")
    boolean legacy;

    @Override
    public Integer call() {
        SmimeVerifier verifier = new SmimeVerifier(MessageFiles.certificates(trust), MessageFiles.certificates(certificates),
                legacy ? VerificationPolicy.legacy() : VerificationPolicy.modern(), Clock.systemUTC());
        byte[] message = MessageFiles.read(in);
        SignatureVerification verification = at != null ? verifier.verify(message, at) : verifier.verify(message);
        PrintWriter out = spec.commandLine().getOut();
        if (trust.isEmpty()) {
            spec.commandLine().getErr().println("sealmail verify: no --trust given, so no certificate can be trusted");
        }
        VerificationReport.lines(verification).forEach(out::println);
        out.flush();
        return VerificationReport.exitCode(verification).code();
    }

    /** Reads {@code --at}: an ISO-8601 instant or a date (midnight UTC). */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an instant such as 2006-09-01T09:00:00Z or a date"
                        + " such as 2006-09-01");
            }
        }
    }
}

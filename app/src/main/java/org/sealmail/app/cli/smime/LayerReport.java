package org.sealmail.app.cli.smime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.crypto.smime.decrypt.DecryptionResult;
import org.sealmail.crypto.smime.read.MessageLayer;
import org.sealmail.crypto.smime.sign.SignatureFormat;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.VerificationStatus;

/**
 * Renders the layers {@code smime decrypt} found, outermost first: for an encryption layer the
 * algorithms and the key used, for a signature layer its verification (with {@code --trust}) or
 * that it was not checked; and picks the exit code the signatures call for.
 */
final class LayerReport {

    /** The worst signature problem, as an exit code and a sentence; {@link ExitCode#OK} and empty text if none. */
    record Problem(ExitCode exitCode, String text) {
    }

    private final boolean trustGiven;
    private final Function<DecryptionResult, Optional<Path>> keyStoreOf;

    /**
     * @param trustGiven whether trust anchors were given, i.e. whether signatures count as checked
     * @param keyStoreOf the key store file a decryption's key came from, when known
     */
    LayerReport(boolean trustGiven, Function<DecryptionResult, Optional<Path>> keyStoreOf) {
        this.trustGiven = trustGiven;
        this.keyStoreOf = keyStoreOf;
    }

    /** @return the report lines, one block per layer */
    List<String> lines(List<MessageLayer> layers) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String heading = "Layer " + (i + 1) + " of " + layers.size() + ": ";
            if (layers.get(i) instanceof MessageLayer.Encrypted encrypted) {
                lines.add(heading + "encrypted");
                encryption(lines, encrypted.decryption());
            } else {
                SignatureVerification verification = ((MessageLayer.Signed) layers.get(i)).verification();
                lines.add(heading + "signed, " + (verification.format().orElse(SignatureFormat.DETACHED) == SignatureFormat.DETACHED
                        ? "detached (multipart/signed)" : "opaque (application/pkcs7-mime signed-data)") + signerOf(verification));
                signature(lines, verification);
            }
        }
        return lines;
    }

    /**
     * @param layers the layers found
     * @return the most severe signature problem: any status but VALID with {@code --trust};
     *     without it only a signature that does not match its content (nothing else was checked)
     */
    Problem worstSignature(List<MessageLayer> layers) {
        Problem worst = new Problem(ExitCode.OK, "");
        VerificationStatus worstStatus = VerificationStatus.VALID;
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof MessageLayer.Signed signed)) {
                continue;
            }
            VerificationStatus status = signed.verification().status();
            boolean counts = trustGiven ? status != VerificationStatus.VALID : status == VerificationStatus.BAD_SIGNATURE;
            if (counts && (worst.exitCode() == ExitCode.OK || status.isWorseThan(worstStatus))) {
                worstStatus = status;
                worst = new Problem(VerificationReport.exitCode(signed.verification()), "the signature of layer " + (i + 1)
                        + signerOf(signed.verification()) + " is " + status);
            }
        }
        return worst;
    }

    private void encryption(List<String> lines, DecryptionResult result) {
        lines.add("  Decrypted " + result.contentType() + " (" + result.contentBytes() + " bytes)");
        lines.add("  Content encryption: " + result.contentEncryption().name() + " ("
                + (result.integrityProtected() ? "authenticated" : "NOT integrity protected") + ")");
        lines.add("  Key management: " + result.keyManagement().name());
        lines.add("  Recipient: " + result.recipientIdentifier() + ", key \"" + result.keyAlias() + "\""
                + keyStoreOf.apply(result).map(store -> " from " + store).orElse(""));
        if (!result.integrityProtected()) {
            lines.add("  WARNING: " + result.contentEncryption().name() + " has no integrity protection: the content may"
                    + " have been altered undetected; do not load remote content from it.");
        }
        if (result.contentEncryption().legacy()) {
            lines.add("  WARNING: " + result.contentEncryption().name() + " is a legacy algorithm (RFC 8551 Appendix B).");
        }
    }

    private void signature(List<String> lines, SignatureVerification verification) {
        if (!trustGiven && verification.status() != VerificationStatus.BAD_SIGNATURE) {
            lines.add("  signature present, not checked: give --trust CA.pem to verify it");
            return;
        }
        VerificationReport.lines(verification).forEach(line -> lines.add("  " + line));
    }

    private static String signerOf(SignatureVerification verification) {
        return verification.signers().stream().flatMap(signer -> signer.certificateAddresses().stream()).findFirst()
                .map(address -> " by " + address).orElse("");
    }
}

package org.sealmail.app.cli.smime;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.TerminalText;
import org.sealmail.crypto.smime.SmimeCapabilities;
import org.sealmail.crypto.smime.sign.SignatureFormat;
import org.sealmail.crypto.smime.verify.AddressCheck;
import org.sealmail.crypto.smime.verify.CertificateAssessment;
import org.sealmail.crypto.smime.verify.Coverage;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SignerVerification;

/**
 * Renders a {@link SignatureVerification} for people: one fact per line, "name: value", signer
 * facts indented under "signer N:", and maps it to the command's exit code.
 */
final class VerificationReport {

    /** Names of the SMIMECapabilities a reader meets most (RFC 8551 §2.7, RFC 5084, RFC 3560); others show as OIDs. */
    private static final Map<String, String> CAPABILITY_NAMES = Map.of(
            SmimeCapabilities.AES256_GCM, "AES-256-GCM",
            SmimeCapabilities.AES128_GCM, "AES-128-GCM",
            SmimeCapabilities.AES256_CBC, "AES-256-CBC",
            "2.16.840.1.101.3.4.1.22", "AES-192-CBC",
            SmimeCapabilities.AES128_CBC, "AES-128-CBC",
            "1.2.840.113549.3.7", "3DES-CBC",
            SmimeCapabilities.RSA_OAEP, "RSAES-OAEP",
            "1.2.840.113549.1.1.10", "RSASSA-PSS");

    private VerificationReport() {
    }

    /**
     * @param verification the result
     * @return 0 only for a valid signature covering the whole message; else the documented code
     */
    static ExitCode exitCode(SignatureVerification verification) {
        return switch (verification.status()) {
            case VALID -> verification.coverage() == Coverage.WHOLE ? ExitCode.OK : ExitCode.PARTIALLY_SIGNED;
            case ADDRESS_MISMATCH -> ExitCode.ADDRESS_MISMATCH;
            case CERTIFICATE_UNSUITABLE -> ExitCode.CERTIFICATE_UNSUITABLE;
            case UNTRUSTED -> ExitCode.UNTRUSTED;
            case UNSUPPORTED_ALGORITHM -> ExitCode.UNSUPPORTED_ALGORITHM;
            case BAD_SIGNATURE -> ExitCode.BAD_SIGNATURE;
            case NOT_SIGNED -> ExitCode.NOT_SIGNED;
        };
    }

    /**
     * @return the report lines; text taken from the message or its certificates is made safe
     *     for a terminal ({@link TerminalText})
     */
    static List<String> lines(SignatureVerification verification) {
        List<String> lines = new ArrayList<>();
        layer(lines, verification, "");
        return lines.stream().map(TerminalText::safe).toList();
    }

    private static void layer(List<String> lines, SignatureVerification verification, String indent) {
        lines.add(indent + "status: " + verification.status());
        if (verification.format().isPresent()) {
            lines.add(indent + "coverage: " + (verification.coverage() == Coverage.WHOLE ? "whole message"
                    : "partial: unsigned parts are shown beside the signed part"));
            lines.add(indent + "format: " + (verification.format().get() == SignatureFormat.DETACHED
                    ? "detached (multipart/signed)" : "opaque (application/pkcs7-mime signed-data)"));
        }
        if (!verification.senderAddresses().isEmpty()) {
            lines.add(indent + "sender: " + String.join(", ", verification.senderAddresses()));
        }
        lines.add(indent + "validation time: " + verification.validationTime());
        int number = 1;
        for (SignerVerification signer : verification.signers()) {
            lines.add(indent + "signer " + number++ + ":");
            signer(lines, signer, indent + "  ");
        }
        verification.note().ifPresent(note -> lines.add(indent + "note: " + note));
        verification.nested().ifPresent(nested -> {
            lines.add(indent + "nested signature:");
            layer(lines, nested, indent + "  ");
        });
    }

    private static void signer(List<String> lines, SignerVerification signer, String indent) {
        lines.add(indent + "status: " + signer.status());
        lines.add(indent + "signer address: " + (signer.certificate().isEmpty() ? "(certificate not available)"
                : signer.certificateAddresses().isEmpty() ? "(none in the certificate)"
                : String.join(", ", signer.certificateAddresses())));
        if (signer.certificate().isPresent()) {
            X509Certificate certificate = signer.certificate().get();
            lines.add(indent + "subject: " + name(certificate.getSubjectX500Principal()));
            lines.add(indent + "issuer: " + name(certificate.getIssuerX500Principal()));
            lines.add(indent + "serial: " + hex(certificate.getSerialNumber()));
        } else {
            lines.add(indent + "certificate: not available (" + signer.signerIdentifier() + ")");
        }
        lines.add(indent + "signature: " + switch (signer.signatureCheck()) {
            case CORRECT -> "correct";
            case INCORRECT -> "INCORRECT";
            case REFUSED_ALGORITHM -> "mathematically correct, algorithm refused by policy";
            case UNSUPPORTED_ALGORITHM -> "not checked: unsupported algorithm";
            case CERTIFICATE_MISSING -> "not checked: signer certificate missing";
        });
        lines.add(indent + "digest algorithm: " + signer.digestAlgorithm());
        lines.add(indent + "signature algorithm: " + signer.signatureAlgorithm());
        lines.add(indent + "trust: " + (signer.trust().trusted()
                ? "trusted (root " + signer.trust().anchor().map(a -> name(a.getSubjectX500Principal())).orElse("?") + ")"
                : "NOT trusted: " + signer.trust().problem()));
        lines.add(indent + "address match: " + (signer.addressCheck() == AddressCheck.MATCH ? "yes"
                : signer.addressCheck() == AddressCheck.MISMATCH ? "NO" : "not checked"));
        lines.add(indent + "signing time: " + signer.signingTime().map(Object::toString).orElse("(not stated)"));
        signer.certificateAssessment().ifPresent(assessment -> assessment(lines, assessment, indent));
        if (!signer.capabilities().isEmpty()) {
            lines.add(indent + "capabilities: " + String.join(", ", signer.capabilities().algorithms().stream()
                    .map(oid -> CAPABILITY_NAMES.getOrDefault(oid, oid)).toList()));
        }
        signer.problems().forEach(problem -> lines.add(indent + "problem: " + problem));
        signer.warnings().forEach(warning -> lines.add(indent + "warning: " + warning));
    }

    private static void assessment(List<String> lines, CertificateAssessment assessment, String indent) {
        lines.add(indent + "certificate validity: " + assessment.notBefore() + " to " + assessment.notAfter()
                + (assessment.validAtVerificationTime() ? " (valid at validation time)" : " (NOT valid at validation time)"));
        lines.add(indent + "key usage: " + (assessment.keyUsage().isEmpty() ? "(no extension)"
                : String.join(", ", assessment.keyUsage())) + (assessment.keyUsageAllowsSigning() ? " (allows signing)"
                : " (does NOT allow signing)"));
        lines.add(indent + "extended key usage: " + (assessment.extendedKeyUsage().isEmpty() ? "(no extension)"
                : String.join(", ", assessment.extendedKeyUsage())) + (assessment.extendedKeyUsageAllowsEmail()
                ? " (allows e-mail protection)" : " (does NOT allow e-mail protection)"));
        lines.add(indent + "public key: " + assessment.publicKey());
    }

    /** RFC 2253 form, with the PKCS #9 emailAddress attribute shown as text rather than as hex DER. */
    private static String name(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253, Map.of("1.2.840.113549.1.9.1", "emailAddress"));
    }

    private static String hex(BigInteger serial) {
        return serial.toString(16);
    }
}

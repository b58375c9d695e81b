package org.sealmail.app.cli;

import org.sealmail.crypto.CryptoFailure;
import org.sealmail.mailstore.StoreFailure;

/**
 * The documented exit codes of the {@code sealmail} command. Scripts rely on them: never
 * renumber. 0 is success; 2 is a usage error (picocli's convention).
 */
public enum ExitCode {
    /** Success; for {@code smime verify}: a valid, trusted, address-matching signature. */
    OK(0),
    /** An error not covered below (for example a file that cannot be written). */
    ERROR(1),
    /** Wrong command-line usage. */
    USAGE(2),
    /** The signature does not verify (content or signed attributes altered). */
    BAD_SIGNATURE(10),
    /** The signer's certificate does not chain to a trusted root. */
    UNTRUSTED(11),
    /** The signer's certificate does not name the From (or Sender) address. */
    ADDRESS_MISMATCH(12),
    /** The signer's certificate is expired, not yet valid or not allowed for e-mail protection. */
    CERTIFICATE_UNSUITABLE(13),
    /** The input is not a well-formed message or CMS structure (empty, truncated, garbage). */
    MALFORMED_INPUT(14),
    /** No recipient info of an encrypted message matches any of our keys. */
    NO_MATCHING_KEY(15),
    /** An integrity check failed: GCM tag, MAC or key unwrap (tampered or wrong key). */
    AUTHENTICATION_FAILED(16),
    /** An algorithm we do not implement or refuse. */
    UNSUPPORTED_ALGORITHM(17),
    /** A recipient has no usable certificate; nothing was encrypted. */
    RECIPIENT_CERTIFICATE_MISSING(18),
    /** A key store could not be opened (wrong password, corrupt file). */
    KEY_STORE(19),
    /** The message carries no S/MIME signature. */
    NOT_SIGNED(20),
    /** A certificate file could not be read, or its certificate is unfit for the task (sign, issue). */
    CERTIFICATE(21),
    /**
     * {@code smime verify}: the signature is valid but covers only part of the displayed
     * message (for example a footer was added outside it).
     */
    PARTIALLY_SIGNED(22),
    /**
     * The local store cannot be used: the file at the store path is not a Sealmail store or is
     * corrupt (it is left untouched), the profile is read-only, or another process holds it locked.
     */
    STORE(23),
    /** The local store was written by a newer Sealmail (its schema is newer than this build knows). */
    STORE_SCHEMA_TOO_NEW(24),
    /** {@code open --out}: the rights granted do not include EXTRACT or EXPORT; nothing was written. */
    RIGHTS_DENIED(30),
    /** {@code open}: the protected message (or its license) has expired; no content. */
    EXPIRED(31),
    /** {@code open}: the protected message was altered or substituted after protection; no content. */
    TAMPERED(32),
    /** {@code rules check} / {@code rules test}: the rules file was rejected (problems printed as FILE:LINE: REASON). */
    RULES_INVALID(40),
    /** {@code rules test}: a rule blocks the message. */
    POLICY_BLOCKED(41),
    /** {@code rules test}: the message would be held (a rule timed out, or the message cannot be read). */
    POLICY_HELD(42),
    /** {@code rules test}: a rule warns; the message would be sent only with an override reason. */
    POLICY_WARNED(43),
    /** No graphical display: the desktop client cannot start (use the command line). */
    NO_DISPLAY(44),
    /** A mail server rejected the account's login, or the account is marked so and was not tried (change the password). */
    MAIL_LOGIN_REJECTED(50),
    /** A mail server's TLS certificate is not trusted or does not name the server (its SHA-256 fingerprint is shown). */
    SERVER_CERTIFICATE_UNTRUSTED(51),
    /** A mail server could not be reached or failed for now; outgoing mail stays queued in the outbox. */
    MAIL_QUEUED(52),
    /** The submission server refused the message or a recipient for good. */
    MESSAGE_REFUSED(53),
    /** {@code open}: the sender revoked the message at the rights server; no content. */
    REVOKED(33),
    /**
     * {@code open}: no use license could be obtained now (rights server or key service unreachable or not trusted,
     * passcode not confirmed, wrong or locked); no content.
     */
    LICENSE_UNAVAILABLE(34),
    /** {@code rights revoke|expire|log}: the rights server refused the request (its reason code is printed). */
    RIGHTS_SERVER_REFUSED(35),
    /** {@code rights ...}: the rights server could not be reached, or its TLS certificate is not trusted. */
    RIGHTS_SERVER_UNREACHABLE(36),
    /** {@code demo --headless}: a step of the demo story did not hold (the failing step is printed). */
    DEMO_FAILED(60);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** @return the process exit status */
    public int code() {
        return code;
    }

    /**
     * @param failure a mail server failure
     * @return the exit code documented for it
     */
    public static ExitCode of(org.sealmail.mailstore.server.MailServerFailure failure) {
        return switch (failure) {
            case AUTHENTICATION_FAILED, ACCOUNT_LOCKED -> MAIL_LOGIN_REJECTED;
            case CERTIFICATE_UNTRUSTED, TLS -> SERVER_CERTIFICATE_UNTRUSTED;
            case CONNECTION, PROTOCOL, TEMPORARILY_REJECTED -> MAIL_QUEUED;
            case REJECTED -> MESSAGE_REFUSED;
            case UIDVALIDITY_CHANGED, FOLDER_NOT_FOUND -> ERROR;
        };
    }

    /**
     * @param failure a crypto failure
     * @return the exit code documented for it
     */
    public static ExitCode of(CryptoFailure failure) {
        return switch (failure) {
            case MALFORMED_INPUT -> MALFORMED_INPUT;
            case NO_MATCHING_KEY -> NO_MATCHING_KEY;
            case AUTHENTICATION_FAILED -> AUTHENTICATION_FAILED;
            case UNSUPPORTED_ALGORITHM -> UNSUPPORTED_ALGORITHM;
            case RECIPIENT_CERTIFICATE_MISSING -> RECIPIENT_CERTIFICATE_MISSING;
            case KEY_STORE -> KEY_STORE;
            case CERTIFICATE -> CERTIFICATE;
            case IO -> ERROR;
        };
    }

    /**
     * @param failure a store failure
     * @return the exit code documented for it
     */
    public static ExitCode of(StoreFailure failure) {
        return switch (failure) {
            case NOT_A_STORE, CORRUPT, READ_ONLY, BUSY, SECRETS -> STORE;
            case SCHEMA_TOO_NEW -> STORE_SCHEMA_TOO_NEW;
            case MALFORMED_INPUT -> MALFORMED_INPUT;
            case NOT_FOUND, REFUSED, IO -> ERROR;
        };
    }
}

package org.sealmail.crypto.smime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.smime.decrypt.DecryptedEntity;
import org.sealmail.crypto.smime.decrypt.SmimeDecryptor;
import org.sealmail.crypto.smime.encrypt.EncryptionOptions;
import org.sealmail.crypto.smime.encrypt.EncryptionRecipient;
import org.sealmail.crypto.smime.encrypt.EncryptionResult;
import org.sealmail.crypto.smime.encrypt.SmimeEncryptor;

/** Messages and one-call helpers shared by the S/MIME encryption tests. */
public final class SmimeFixtures {

    /** A small multipart message from alice to bob, CRLF line ends. */
    public static final String MESSAGE = String.join("\r\n",
            "From: Alice Example <alice@example.test>",
            "To: Bob Example <bob@example.test>",
            "Subject: Quarterly numbers",
            "Date: Tue, 04 Mar 2025 10:15:00 +0000",
            "Message-ID: <q1@example.test>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed;",
            " boundary=\"b1\"",
            "",
            "--b1",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "Gr\u00fc\u00dfe, the numbers are attached.",
            "--b1",
            "Content-Type: text/csv; name=q1.csv",
            "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment; filename=q1.csv",
            "",
            "cXVhcnRlcixyZXZlbnVlCjEsMTAwCg==",
            "--b1--",
            "");

    /** The MIME entity that encrypting {@link #MESSAGE} protects (RFC 8551 §3.1). */
    public static final String INNER_ENTITY = MESSAGE.substring(MESSAGE.indexOf("Content-Type: multipart/mixed"));

    private SmimeFixtures() {
    }

    /** @return {@link #MESSAGE} as UTF-8 bytes */
    public static byte[] message() {
        return MESSAGE.getBytes(StandardCharsets.UTF_8);
    }

    /** @return {@link #INNER_ENTITY} as UTF-8 bytes */
    public static byte[] innerEntity() {
        return INNER_ENTITY.getBytes(StandardCharsets.UTF_8);
    }

    /** Encrypts {@code message} for the recipients (and sender) with the options; returns the encrypted message. */
    public static byte[] encrypt(byte[] message, EncryptionOptions options, CertifiedKey sender, CertifiedKey... recipients) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encrypt(message, out, options, sender, recipients);
        return out.toByteArray();
    }

    /** Encrypts and returns the result, writing to {@code out}. */
    public static EncryptionResult encrypt(byte[] message, ByteArrayOutputStream out, EncryptionOptions options,
            CertifiedKey sender, CertifiedKey... recipients) {
        List<EncryptionRecipient> to = java.util.Arrays.stream(recipients)
                .map(key -> EncryptionRecipient.of(key.addresses().get(0), key.certificate())).toList();
        return new SmimeEncryptor().encrypt(new ByteArrayInputStream(message), out, to,
                EncryptionRecipient.of(sender.addresses().get(0), sender.certificate()), options);
    }

    /** Decrypts with the keys. */
    public static DecryptedEntity decrypt(byte[] encrypted, CertifiedKey... keys) {
        return new SmimeDecryptor().decrypt(encrypted, List.of(keys));
    }

    /** @return the bytes as UTF-8 text */
    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

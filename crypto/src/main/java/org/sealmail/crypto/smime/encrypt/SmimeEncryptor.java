package org.sealmail.crypto.smime.encrypt;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.OutputEncryptor;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.MissingRecipientCertificateException;
import org.sealmail.crypto.smime.mime.CanonicalLineEndingOutputStream;
import org.sealmail.crypto.smime.mime.HeaderField;
import org.sealmail.crypto.smime.mime.RawMimeHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts a MIME message for its recipients and its sender (RFC 8551 §3.3):
 * AuthEnvelopedData with AES-256-GCM (RFC 5083/5084) or EnvelopedData with AES-256-CBC
 * (RFC 5652 §6), with RSA-OAEP, RSA PKCS#1 v1.5 or ECDH key management per recipient.
 *
 * <p>Input is a raw RFC 5322 message. The output keeps its outer header fields (From, To,
 * Subject, Date, Message-ID, ...) and replaces the {@code Content-*} and {@code MIME-Version}
 * fields with an {@code application/pkcs7-mime} part, base64 encoded; what is encrypted is the
 * original MIME entity (its {@code Content-*} fields, an empty line and the body) in canonical
 * CRLF form. Everything streams: the body is never held in memory.
 *
 * <p>Sealmail never encrypts for a subset of the recipients: if any recipient (or the sender)
 * lacks a usable certificate, nothing is written and a {@link MissingRecipientCertificateException}
 * names them all.
 */
public final class SmimeEncryptor {

    private static final Logger LOG = LoggerFactory.getLogger(SmimeEncryptor.class);

    /** Size of the BER octet-string chunks of the encrypted content, in bytes. */
    private static final int CMS_CHUNK_BYTES = 16 * 1024;
    private static final int COPY_BUFFER_BYTES = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final Clock clock;

    /** An encryptor that checks certificate validity against the system clock. */
    public SmimeEncryptor() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock certificate validity is checked against */
    public SmimeEncryptor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Chooses the content encryption: the forced one if the options name one, else AES-256-GCM
     * unless some recipient advertised SMIMECapabilities without AES-GCM (then AES-256-CBC).
     * Recipients with unknown capabilities get AES-256-GCM, which RFC 8551 §2.7 makes a MUST for
     * receiving agents.
     *
     * @param recipients the recipients (the sender's own capabilities do not matter: Sealmail reads GCM)
     * @param options the options
     * @return the algorithm
     */
    public static ContentEncryption chooseContentEncryption(List<EncryptionRecipient> recipients, EncryptionOptions options) {
        if (options.contentEncryption() != null) {
            return options.contentEncryption();
        }
        boolean someoneLacksGcm = recipients.stream()
                .anyMatch(recipient -> !recipient.capabilities().isEmpty() && !recipient.capabilities().supportsAesGcm());
        return someoneLacksGcm ? ContentEncryption.AES_256_CBC : ContentEncryption.AES_256_GCM;
    }

    /**
     * Encrypts a message.
     *
     * @param message the raw RFC 5322 message (CRLF or LF line ends); read to its end, not closed
     * @param out where the encrypted message is written (CRLF line ends); not closed
     * @param recipients the recipients (To, Cc, Bcc), each with its certificate or null
     * @param sender the sender, who is always a recipient too (to read the sent copy)
     * @param options content encryption and RSA key transport
     * @return what was done
     * @throws MissingRecipientCertificateException if any recipient or the sender has no usable
     *     certificate (nothing is written then)
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if the message is empty or
     *     has no valid header block, {@link CryptoFailure#IO} if reading or writing fails
     */
    public EncryptionResult encrypt(InputStream message, OutputStream out, List<EncryptionRecipient> recipients,
            EncryptionRecipient sender, EncryptionOptions options) {
        Objects.requireNonNull(sender, "sender");
        List<EncryptionRecipient> everyone = new ArrayList<>(recipients);
        everyone.add(sender);
        checkCertificates(everyone);
        ContentEncryption encryption = chooseContentEncryption(recipients, options);

        List<RecipientInfoGenerators.Generated> generators = new ArrayList<>();
        List<EncryptionResult.EncryptedFor> encryptedFor = new ArrayList<>();
        List<X509Certificate> seen = new ArrayList<>();
        for (EncryptionRecipient recipient : everyone) {
            if (seen.contains(recipient.certificate())) {
                continue;
            }
            seen.add(recipient.certificate());
            RecipientInfoGenerators.Generated generated =
                    RecipientInfoGenerators.forCertificate(recipient.certificate(), options.rsaKeyTransport());
            generators.add(generated);
            encryptedFor.add(new EncryptionResult.EncryptedFor(recipient.address(),
                    recipient.certificate().getSubjectX500Principal().getName(), generated.keyManagement()));
        }

        InputStream in = message instanceof BufferedInputStream ? message : new BufferedInputStream(message, COPY_BUFFER_BYTES);
        RawMimeHeaders headers = RawMimeHeaders.read(in);
        if (headers.isEmpty()) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "empty input or no header fields: expected an"
                    + " RFC 5322 message (header fields, an empty line, the body)");
        }
        long contentBytes;
        try {
            RawMimeHeaders outer = headers.filter(field -> !field.isMimeField());
            outer.writeTo(out);
            outerMimeFields(encryption).writeTo(out);
            out.write(CRLF);
            OutputStream base64 = Base64.getMimeEncoder(76, CRLF).wrap(new UnclosedOutputStream(out));
            CountingOutputStream counted;
            try (OutputStream cms = openCms(base64, encryption, generators)) {
                counted = new CountingOutputStream(cms);
                writeInnerEntity(headers, in, counted);
            }
            base64.close();
            out.write(CRLF);
            out.flush();
            contentBytes = counted.count;
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot encrypt the message: " + e.getMessage(), e);
        }
        LOG.debug("encrypted {} bytes with {} for {} recipient infos", contentBytes, encryption, generators.size());
        return new EncryptionResult(encryption, encryptedFor, contentBytes);
    }

    private void checkCertificates(List<EncryptionRecipient> everyone) {
        List<String> missing = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (EncryptionRecipient recipient : everyone) {
            Optional<String> problem = RecipientCertificateCheck.problem(recipient.certificate(), recipient.address(), clock.instant());
            if (problem.isPresent() && !missing.contains(recipient.address())) {
                missing.add(recipient.address());
                reasons.add(problem.get());
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingRecipientCertificateException(missing, reasons);
        }
    }

    private static RawMimeHeaders outerMimeFields(ContentEncryption encryption) {
        return RawMimeHeaders.of(List.of(
                HeaderField.of("MIME-Version", "1.0"),
                HeaderField.of("Content-Type", "application/pkcs7-mime; smime-type=" + encryption.smimeType()
                        + "; name=smime.p7m"),
                HeaderField.of("Content-Transfer-Encoding", "base64"),
                HeaderField.of("Content-Disposition", "attachment; filename=smime.p7m"),
                HeaderField.of("Content-Description", "S/MIME Encrypted Message")));
    }

    /** Writes the entity's Content-* fields, an empty line and the body, all with CRLF line ends. */
    private static void writeInnerEntity(RawMimeHeaders headers, InputStream body, OutputStream out) throws IOException {
        RawMimeHeaders inner = headers.filter(field -> field.isMimeField() && !field.is("MIME-Version"));
        if (inner.value("Content-Type").isEmpty()) {
            // RFC 2045 §5.2 default, made explicit so every reader sees the same type
            inner = RawMimeHeaders.of(concat(List.of(HeaderField.of("Content-Type", "text/plain; charset=us-ascii")),
                    inner.fields()));
        }
        inner.writeTo(out);
        out.write(CRLF);
        OutputStream canonical = new CanonicalLineEndingOutputStream(new UnclosedOutputStream(out));
        body.transferTo(canonical);
        canonical.flush();
    }

    private static List<HeaderField> concat(List<HeaderField> first, List<HeaderField> second) {
        List<HeaderField> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static OutputStream openCms(OutputStream out, ContentEncryption encryption,
            List<RecipientInfoGenerators.Generated> generators) throws IOException {
        try {
            if (encryption == ContentEncryption.AES_256_GCM) {
                CMSAuthEnvelopedDataStreamGenerator generator = new CMSAuthEnvelopedDataStreamGenerator();
                generator.setBufferSize(CMS_CHUNK_BYTES);
                generators.forEach(generated -> generator.addRecipientInfoGenerator(generated.generator()));
                OutputEncryptor encryptor = new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                        .setProvider(CryptoProvider.get()).build();
                return generator.open(out, (OutputAEADEncryptor) encryptor);
            }
            CMSEnvelopedDataStreamGenerator generator = new CMSEnvelopedDataStreamGenerator();
            generator.setBufferSize(CMS_CHUNK_BYTES);
            generators.forEach(generated -> generator.addRecipientInfoGenerator(generated.generator()));
            OutputEncryptor encryptor = new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC)
                    .setProvider(CryptoProvider.get()).build();
            return generator.open(out, encryptor);
        } catch (CMSException e) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "cannot start the encryption: " + e.getMessage(), e);
        }
    }

    /** Passes writes through but does not close the target. */
    private static final class UnclosedOutputStream extends FilterOutputStream {
        UnclosedOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** Counts the bytes written through it. */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void close() {
            // the CMS stream is closed by its owner
        }
    }
}

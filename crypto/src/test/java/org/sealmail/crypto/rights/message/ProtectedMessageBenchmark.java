package org.sealmail.crypto.rights.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeBodyPart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.mail.smime.SMIMEAuthEnveloped;
import org.bouncycastle.mail.smime.SMIMEAuthEnvelopedGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;

/**
 * Issue 5 benchmark, not a timed test (its name matches no surefire pattern). Run with
 * {@code ./mvnw -B -o test -pl crypto -Dtest=ProtectedMessageBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * For a 50 KB and a 10 MB message it prints the median time of: protect (sign + AuthEnvelopedData
 * to alice and bob), first open (RSA unwrap, use license derived and cached), second open (served
 * from the cached use license), and side by side plain S/MIME AuthEnvelopedData (AES-256-GCM,
 * RSA-OAEP) encrypt and decrypt of the same input with Bouncy Castle, and with openssl cms
 * (process start included).
 */
class ProtectedMessageBenchmark {

    @TempDir
    Path dir;

    private final TestPki pki = TestPki.get();

    @Test
    void protectAndOpenBesideSmime() throws Exception {
        System.out.println("size    | protect | open (key) | open (cached UL) | BC S/MIME encrypt | BC S/MIME decrypt "
                + "| openssl encrypt | openssl decrypt");
        for (int size : List.of(50 * 1024, 10 * 1024 * 1024)) {
            int runs = size < 1024 * 1024 ? 30 : 5;
            byte[] input = message(size);
            run(size, runs, input);
        }
    }

    private void run(int size, int runs, byte[] input) throws Exception {
        ProtectedMessageBuilder builder = new ProtectedMessageBuilder(Clock.systemUTC());
        byte[] wire = builder.protect(TestMessages.parse(input), ProtectionTemplate.ENCRYPT, pki.alice,
                List.of(pki.bob.certificate())).toBytes();
        double protect = median(runs, () -> builder.protect(TestMessages.parse(input), ProtectionTemplate.ENCRYPT, pki.alice,
                List.of(pki.bob.certificate())).toBytes());
        double openWithKey = median(runs, () -> open(wire, new InMemoryUseLicenseCache(), LicenseSource.PRIVATE_KEY));
        InMemoryUseLicenseCache cache = new InMemoryUseLicenseCache();
        open(wire, cache, LicenseSource.PRIVATE_KEY);
        double openCached = median(runs, () -> open(wire, cache, LicenseSource.CACHED_USE_LICENSE));

        MimeBodyPart part = new MimeBodyPart(new ByteArrayInputStream(input));
        MimeBodyPart encrypted = smimeEncrypt(part);
        double smimeEncrypt = median(runs, () -> smimeEncrypt(part));
        double smimeDecrypt = median(runs, () -> smimeDecrypt(encrypted));

        Path in = Files.write(dir.resolve("in.eml"), input);
        Path cms = dir.resolve("out.cms");
        Path cert = TestPki.writeCertPem(dir, "bob", pki.bob);
        Path key = TestPki.writeKeyPem(dir, "bob", pki.bob);
        double opensslEncrypt = median(Math.min(runs, 5), () -> PeerTool.run("openssl", "cms", "-encrypt", "-aes-256-gcm",
                "-binary", "-outform", "DER", "-in", in.toString(), "-out", cms.toString(), "-recip", cert.toString(),
                "-keyopt", "rsa_padding_mode:oaep").ok());
        double opensslDecrypt = median(Math.min(runs, 5), () -> PeerTool.run("openssl", "cms", "-decrypt", "-binary",
                "-inform", "DER", "-in", cms.toString(), "-recip", cert.toString(), "-inkey", key.toString(),
                "-out", dir.resolve("dec.eml").toString()).ok());
        System.out.printf("%-7s | %7.1f | %10.1f | %16.1f | %17.1f | %17.1f | %15.1f | %15.1f   (ms, median of %d)%n",
                size < 1024 * 1024 ? (size / 1024) + " KB" : (size / 1024 / 1024) + " MB", protect, openWithKey, openCached,
                smimeEncrypt, smimeDecrypt, opensslEncrypt, opensslDecrypt, runs);
    }

    private Object open(byte[] wire, InMemoryUseLicenseCache cache, LicenseSource expected) {
        OpenResult result = new ProtectedMessageOpener(pki.bob, cache, Clock.systemUTC()).open(wire);
        assertThat(result.source()).as(result.reason()).contains(expected);
        return result;
    }

    private MimeBodyPart smimeEncrypt(MimeBodyPart part) {
        try {
            SMIMEAuthEnvelopedGenerator generator = new SMIMEAuthEnvelopedGenerator();
            generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(pki.bob.certificate())
                    .setProvider(CryptoProvider.get()));
            MimeBodyPart encrypted = generator.generate(part, (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(
                    CMSAlgorithm.AES256_GCM).setProvider(CryptoProvider.get()).build());
            // the generator encrypts lazily, when the part is written: write it, as sending would
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            encrypted.writeTo(out);
            return new MimeBodyPart(new ByteArrayInputStream(out.toByteArray()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] smimeDecrypt(MimeBodyPart encrypted) {
        try {
            SMIMEAuthEnveloped enveloped = new SMIMEAuthEnveloped(encrypted);
            RecipientInformation recipient = enveloped.getRecipientInfos().getRecipients().iterator().next();
            return recipient.getContent(new JceKeyTransAuthEnvelopedRecipient(pki.bob.privateKey())
                    .setProvider(CryptoProvider.get()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(int runs, Supplier<Object> task) {
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            task.get();
        }
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            task.get();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    /** @return a message of about {@code size} bytes: a text part and a base64 attachment of random bytes */
    private static byte[] message(int size) {
        byte[] attachment = new byte[size * 3 / 4];
        new Random(5).nextBytes(attachment);
        String header = TestMessages.text("bob@example.test").split("\r\n\r\n")[0]
                .replace("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit",
                        "Content-Type: multipart/mixed; boundary=\"b\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        out.writeBytes((header + "\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nFigures attached.\r\n"
                + "--b\r\nContent-Type: application/octet-stream; name=\"figures.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Base64.getMimeEncoder().encode(attachment));
        out.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}

package org.sealmail.crypto.smime.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.time.Instant;
import org.sealmail.crypto.smime.decrypt.SmimeDecryptor;
import org.sealmail.crypto.smime.encrypt.EncryptionOptions;
import org.sealmail.crypto.smime.encrypt.EncryptionRecipient;
import org.sealmail.crypto.smime.encrypt.SmimeEncryptor;
import org.sealmail.crypto.smime.sign.SigningOptions;
import org.sealmail.crypto.smime.sign.SmimeSigner;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.crypto.smime.verify.VerificationStatus;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;

/**
 * Benchmark (not a test): S/MIME encrypt, decrypt, sign and verify of a 50 KB and a 10 MB
 * message by Sealmail (in-process, warmed up) and by {@code openssl cms} (one process per
 * operation, so its figures include process start; the "openssl version" row shows that cost),
 * then {@code openssl speed} for AES-256-GCM and RSA-2048. Run with {@code crypto/bench/run.sh}.
 *
 * <p>Encrypt is AES-256-GCM AuthEnvelopedData with RSA-OAEP SHA-256 for two recipients (bob and
 * the sender alice) on both sides; decrypt reads Sealmail's output on both sides. Sign is a
 * detached multipart/signed, SHA-256 with RSA PKCS#1 v1.5, certificate chain included:
 * {@link SmimeSigner} against {@code openssl cms -sign}. Verify checks Sealmail's signed message
 * on both sides, with full PKIX validation to the test root: {@link SmimeVerifier} (which also
 * checks key usage and the From address) against {@code openssl cms -verify -CAfile}.
 */
public final class SmimeBench {

    private static final PrintStream OUT = System.out;

    private final Path dir;
    private final TestPki pki = TestPki.get();
    private final SmimeVerifier verifier = new SmimeVerifier(List.of(pki.root.issuer().certificate()));
    private String root;

    private SmimeBench(Path dir) {
        this.dir = dir;
    }

    /**
     * @param args optional: a work directory (default: a new temporary one)
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("sealmail-bench");
        new SmimeBench(dir).run();
    }

    private void run() throws Exception {
        TestPki.writeCertPem(dir, "alice", pki.alice);
        TestPki.writeKeyPem(dir, "alice", pki.alice);
        TestPki.writeCertPem(dir, "bob", pki.bob);
        TestPki.writeKeyPem(dir, "bob", pki.bob);
        root = pki.writeRootPem(dir).toString();
        OUT.println("Sealmail S/MIME benchmark; JVM " + System.getProperty("java.vm.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores; " + PeerTool.run("openssl", "version").out().trim());
        OUT.printf("openssl process start (openssl version): %.1f ms median%n",
                median(timesOf(20, () -> PeerTool.run("openssl", "version").ok())));
        OUT.printf("%n%-28s %10s %14s %14s %12s%n", "operation", "size", "sealmail ms", "openssl ms", "sealmail MB/s");
        for (int size : List.of(50 * 1024, 10 * 1024 * 1024)) {
            Path message = writeMessage(size);
            boolean small = size < 1024 * 1024;
            int warmup = small ? 30 : 2;
            int runs = small ? 50 : 5;
            int peerRuns = small ? 20 : 5;
            String label = small ? "50 KB" : "10 MB";
            Path ours = dir.resolve("enc-" + label.replace(' ', '_') + ".eml");
            Path theirs = dir.resolve("enc-openssl.eml");
            row("encrypt AES-256-GCM, OAEP x2", label, size,
                    measure(warmup, runs, () -> encrypt(message, ours)),
                    median(timesOf(peerRuns, () -> PeerTool.run("openssl", "cms", "-encrypt", "-aes-256-gcm", "-binary",
                            "-in", message.toString(), "-out", theirs.toString(),
                            "-recip", pem("bob"), "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256",
                            "-recip", pem("alice"), "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256").ok())));
            row("decrypt AES-256-GCM, OAEP", label, size,
                    measure(warmup, runs, () -> decrypt(ours)),
                    median(timesOf(peerRuns, () -> PeerTool.run("openssl", "cms", "-decrypt", "-in", ours.toString(),
                            "-inkey", key("bob"), "-recip", pem("bob"), "-out", "/dev/null").ok())));
            Path signed = dir.resolve("signed-" + label.replace(' ', '_') + ".eml");
            Path opensslSigned = dir.resolve("signed-openssl.eml");
            row("sign SHA-256/RSA detached", label, size,
                    measure(warmup, runs, () -> Files.write(signed, signWithSealmail(message))),
                    median(timesOf(peerRuns, () -> PeerTool.run("openssl", "cms", "-sign", "-binary", "-md", "sha256",
                            "-in", message.toString(), "-signer", pem("alice"), "-inkey", key("alice"),
                            "-out", opensslSigned.toString()).ok())));
            row("verify SHA-256/RSA + PKIX", label, size,
                    measure(warmup, runs, () -> verifyWithSealmail(signed)),
                    // text mode: with -binary, openssl 3.0 rejoins the signed part's lines with LF (unless -crlfeol)
                    median(timesOf(peerRuns, () -> PeerTool.run("openssl", "cms", "-verify",
                            "-CAfile", root, "-in", signed.toString(), "-out", "/dev/null").ok())));
            Files.delete(message);
        }
        OUT.println();
        OUT.println("openssl speed -evp aes-256-gcm -seconds 1 (bytes per second, by block size):");
        printTail(PeerTool.run("openssl", "speed", "-evp", "aes-256-gcm", "-seconds", "1").ok().out(), 2);
        OUT.println("openssl speed -seconds 1 rsa2048:");
        printTail(PeerTool.run("openssl", "speed", "-seconds", "1", "rsa2048").ok().out(), 2);
    }

    private interface Operation {
        void run() throws Exception;
    }

    private void encrypt(Path message, Path out) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(message), 1 << 16);
                OutputStream target = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            new SmimeEncryptor().encrypt(in, target, List.of(EncryptionRecipient.of("bob@example.test", pki.bob.certificate())),
                    EncryptionRecipient.of("alice@example.test", pki.alice.certificate()), EncryptionOptions.defaults());
        }
    }

    private void decrypt(Path encrypted) throws IOException {
        try (InputStream in = Files.newInputStream(encrypted)) {
            new SmimeDecryptor().decrypt(in, OutputStream.nullOutputStream(), List.of(pki.bob));
        }
    }

    private byte[] signWithSealmail(Path message) throws IOException {
        return new SmimeSigner().sign(Files.readAllBytes(message), pki.alice, SigningOptions.defaults());
    }

    private void verifyWithSealmail(Path signed) throws IOException {
        SignatureVerification verification = verifier.verify(Files.readAllBytes(signed), Instant.now());
        if (verification.status() != VerificationStatus.VALID) {
            throw new IllegalStateException("Sealmail's own signature does not verify: " + verification.status()
                    + " " + verification.signers());
        }
    }

    private Path writeMessage(int bodyBytes) throws IOException {
        Path file = dir.resolve("msg-" + bodyBytes + ".eml");
        ByteArrayOutputStream body = new ByteArrayOutputStream(bodyBytes + 100);
        body.writeBytes(("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: bench\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] line = new byte[78];
        for (long written = 0, n = 0; written < bodyBytes; written += line.length, n++) {
            for (int i = 0; i < 76; i++) {
                line[i] = (byte) ('a' + (n + i) % 26);
            }
            line[76] = '\r';
            line[77] = '\n';
            body.writeBytes(line);
        }
        Files.write(file, body.toByteArray());
        return file;
    }

    private static double measure(int warmup, int runs, Operation operation) throws Exception {
        timesOf(warmup, operation);
        return median(timesOf(runs, operation));
    }

    private static double[] timesOf(int runs, Operation operation) throws Exception {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            operation.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        return times;
    }

    private static double median(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void row(String operation, String label, int size, double oursMs, double theirsMs) {
        OUT.printf(Locale.ROOT, "%-28s %10s %14.2f %14.2f %12.1f%n", operation, label, oursMs, theirsMs,
                size / 1048576.0 / (oursMs / 1000));
    }

    private static void printTail(String output, int lines) {
        List<String> all = new ArrayList<>(List.of(output.split("\n")));
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(line -> OUT.println("  " + line));
    }

    private String pem(String name) {
        return dir.resolve(name + ".pem").toString();
    }

    private String key(String name) {
        return dir.resolve(name + ".key.pem").toString();
    }
}

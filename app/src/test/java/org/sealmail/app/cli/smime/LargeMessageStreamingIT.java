package org.sealmail.app.cli.smime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.Main;
import org.sealmail.crypto.testing.TestPki;

/**
 * Streaming proof: a 200 MB message is encrypted and decrypted by the CLI in a child JVM limited
 * to 256 MB of heap ({@code -Xmx256m}); the decrypted entity's SHA-256 equals that of the
 * original entity. The GC log of each run gives the peak heap occupancy, printed with the wall time.
 */
class LargeMessageStreamingIT {

    private static final long BODY_BYTES = 200L * 1024 * 1024;
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @TempDir
    Path dir;

    @Test
    void encryptsAndDecryptsA200MegabyteMessageWithin256MegabytesOfHeap() throws Exception {
        TestPki pki = TestPki.get();
        TestPki.writeCertPem(dir, "alice", pki.alice);
        TestPki.writeCertPem(dir, "bob", pki.bob);
        TestPki.writeP12(dir, "bob", pki.bob);
        Path passFile = dir.resolve("pass.txt");
        Files.writeString(passFile, TestPki.PASSWORD + "\n");
        Path message = dir.resolve("big.eml");
        String innerSha256 = writeMessage(message);

        // AES-256-GCM: the case where buffering would bite (the tag follows the ciphertext)
        Run encrypt = runCli("encrypt", "smime", "encrypt", "--gcm", "--to", dir.resolve("bob.pem").toString(),
                "--from-cert", dir.resolve("alice.pem").toString(), "--in", message.toString(),
                "--out", dir.resolve("enc.eml").toString());
        Run decrypt = runCli("decrypt", "smime", "decrypt", "--key", dir.resolve("bob.p12").toString(),
                "--pass-file", passFile.toString(), "--in", dir.resolve("enc.eml").toString(),
                "--out", dir.resolve("plain.eml").toString());

        assertThat(sha256(dir.resolve("plain.eml"))).isEqualTo(innerSha256);
        System.out.printf("200 MB AES-256-GCM: encrypt %.1f s (heap before GC at most %d MB, live after GC at most %d MB),"
                + " decrypt %.1f s (%d MB, %d MB), -Xmx256m%n", encrypt.seconds, encrypt.peakHeapMegabytes,
                encrypt.liveHeapMegabytes, decrypt.seconds, decrypt.peakHeapMegabytes, decrypt.liveHeapMegabytes);
        Files.delete(dir.resolve("enc.eml"));
        Files.delete(dir.resolve("plain.eml"));
        Files.delete(message);
    }

    /** Writes a text/plain message with a 200 MB body; returns the SHA-256 of the MIME entity encryption protects. */
    private static String writeMessage(Path file) throws Exception {
        MessageDigest inner = MessageDigest.getInstance("SHA-256");
        String entityHeader = "Content-Type: text/plain; charset=us-ascii\r\n\r\n";
        inner.update(entityHeader.getBytes(StandardCharsets.US_ASCII));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
                    + entityHeader).getBytes(StandardCharsets.US_ASCII));
            OutputStream body = new DigestOutputStream(out, inner);
            byte[] line = new byte[78];
            long written = 0;
            long counter = 0;
            while (written < BODY_BYTES) {
                String text = String.format("%010d ", counter++);
                for (int i = 0; i < 76; i++) {
                    line[i] = (byte) (i < text.length() ? text.charAt(i) : 'a' + (counter + i) % 26);
                }
                line[76] = '\r';
                line[77] = '\n';
                body.write(line);
                written += line.length;
            }
            body.flush();
        }
        return HexFormat.of().formatHex(inner.digest());
    }

    private record Run(double seconds, long peakHeapMegabytes, long liveHeapMegabytes) {
    }

    private Run runCli(String name, String... arguments) throws Exception {
        Path gcLog = dir.resolve(name + "-gc.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments));
        Path output = dir.resolve(name + ".out");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!finished) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertThat(finished).as("finished: " + printed).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", arguments) + "\n" + printed).isZero();
        long peak = 0;
        long live = 0;
        Matcher matcher = GC_HEAP.matcher(Files.readString(gcLog));
        while (matcher.find()) {
            peak = Math.max(peak, Long.parseLong(matcher.group(1)));
            live = Math.max(live, Long.parseLong(matcher.group(2)));
        }
        return new Run(seconds, peak, live);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

}

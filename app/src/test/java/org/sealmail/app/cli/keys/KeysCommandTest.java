package org.sealmail.app.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import picocli.CommandLine;

/** {@code sealmail keys new-ca|new} run in-process: files written, refusals with one clear line. */
class KeysCommandTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    Path passFile;
    String out;
    String err;

    @BeforeEach
    void passwordAndCa() throws IOException {
        passFile = Files.writeString(dir.resolve("pass.txt"), "pw-secret\n");
        assertThat(run("keys", "new-ca", "--out", path("ca.p12"), "--pass-file", passFile.toString())).isZero();
    }

    @Test
    void issuesAnEmailCertificateUnderTheCa() {
        assertThat(run("keys", "new", "--email", "alice@example.test", "--out", path("alice.p12"), "--ca", path("ca.p12"),
                "--pass-file", passFile.toString())).isZero();

        assertThat(out).isEqualTo("Key: " + path("alice.p12") + NL + "Certificate: " + path("alice.pem") + NL);
        assertThat(CertificateAddresses.of(Pkcs12KeyStores.read(dir.resolve("alice.p12"), "pw-secret".toCharArray()).get(0)
                .certificate())).containsExactly("alice@example.test");
    }

    @Test
    void anExistingKeyStoreIsNeverReplaced() throws IOException {
        assertThat(run("keys", "new", "--email", "alice@example.test", "--out", path("alice.p12"), "--ca", path("ca.p12"),
                "--pass-file", passFile.toString())).isZero();
        byte[] before = Files.readAllBytes(dir.resolve("alice.p12"));

        assertThat(run("keys", "new", "--email", "alice@example.test", "--out", path("alice.p12"), "--ca", path("ca.p12"),
                "--pass-file", passFile.toString())).isEqualTo(2);
        assertThat(err).contains(path("alice.p12") + " exists already and may hold the only copy of a private key");
        assertThat(run("keys", "new-ca", "--out", path("ca.p12"), "--pass-file", passFile.toString())).isEqualTo(2);

        assertThat(Files.readAllBytes(dir.resolve("alice.p12"))).isEqualTo(before);
    }

    @Test
    void keyStoresAreReadableByTheirOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        assertThat(run("keys", "new", "--email", "alice@example.test", "--out", path("alice.p12"), "--ca", path("ca.p12"),
                "--pass-file", passFile.toString())).isZero();

        for (String file : List.of("ca.p12", "alice.p12")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file)))).as(file)
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void anEndEntityKeyIsRefusedAsCa() {
        assertThat(run("keys", "new", "--email", "alice@example.test", "--out", path("alice.p12"), "--ca", path("ca.p12"),
                "--pass-file", passFile.toString())).isZero();

        int code = run("keys", "new", "--email", "bob@example.test", "--out", path("bob.p12"), "--ca", path("alice.p12"),
                "--pass-file", passFile.toString());

        // openssl verify would reject bob's chain with "invalid CA certificate"
        assertThat(code).isEqualTo(21);
        assertThat(err).isEqualTo("sealmail new: \"alice@example.test\" (CN=alice@example.test,O=Sealmail Test) is not a CA"
                + " certificate (basicConstraints cA is not set), so it cannot issue certificates" + NL);
        assertThat(dir.resolve("bob.p12")).doesNotExist();
    }

    @Test
    void aMissingOrEmptyCaPasswordFileIsOneClearLine() throws IOException {
        int missing = run("keys", "new", "--email", "bob@example.test", "--out", path("bob.p12"), "--ca", path("ca.p12"),
                "--ca-pass-file", path("nope.txt"), "--pass-file", passFile.toString());
        String missingErr = err;
        Files.writeString(dir.resolve("empty.txt"), "");
        int empty = run("keys", "new", "--email", "bob@example.test", "--out", path("bob.p12"), "--ca", path("ca.p12"),
                "--ca-pass-file", path("empty.txt"), "--pass-file", passFile.toString());

        assertThat(missing).isEqualTo(1);
        assertThat(missingErr).isEqualTo("sealmail new: cannot read --ca-pass-file " + path("nope.txt")
                + ": no such file or directory" + NL);
        assertThat(empty).as("an empty password does not open the CA").isEqualTo(19);
        assertThat(err).isEqualTo("sealmail new: wrong password for key store " + path("ca.p12") + NL);
    }

    @Test
    void somethingThatIsNotAnAddressIsAUsageErrorWithoutTheWholeHelp() {
        int code = run("keys", "new", "--email", "not an email", "--out", path("x.p12"), "--ca", path("ca.p12"),
                "--pass-file", passFile.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err).isEqualTo("sealmail keys new: --email: \"not an email\" is not an e-mail address (local@domain, ASCII)"
                + NL + "Try 'sealmail keys new --help' for the options." + NL);
        assertThat(dir.resolve("x.p12")).doesNotExist();
    }

    @Test
    void aKeyStoreInAMissingDirectorySaysWhichDirectory() {
        Path target = dir.resolve("no-such-dir").resolve("x.p12");

        int code = run("keys", "new", "--email", "x@example.test", "--out", target.toString(), "--ca", path("ca.p12"),
                "--pass-file", passFile.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err).isEqualTo("sealmail new: cannot write key store " + target + ": the directory "
                + dir.resolve("no-such-dir") + " does not exist" + NL);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private int run(String... args) {
        StringWriter outWriter = new StringWriter();
        StringWriter errWriter = new StringWriter();
        CommandLine commandLine = SealmailCommand.commandLine();
        commandLine.setOut(new PrintWriter(outWriter, true));
        commandLine.setErr(new PrintWriter(errWriter, true));
        int code = commandLine.execute(args);
        out = outWriter.toString();
        err = errWriter.toString();
        return code;
    }
}

package org.sealmail.crypto.rights.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.testing.PeerTool;

/**
 * The commands docs/protected-message-format.md shows, run on the committed worked example:
 * {@code openssl cms -decrypt} with bob's key, then {@code openssl cms -verify} against the
 * example root (at the signing time, so the example stays verifiable after its certificates
 * expire), give back message.eml byte for byte.
 */
class WorkedExampleIT {

    @TempDir
    Path dir;

    @Test
    void opensslDecryptsAndVerifiesTheWorkedExampleWithBobsKey() throws Exception {
        assumeTrue(PeerTool.available("openssl"), "openssl not installed");
        Path signed = dir.resolve("signed.der");
        Path content = dir.resolve("content.eml");

        PeerTool.run("openssl", "cms", "-decrypt", "-inform", "DER", "-in", file("message.sealmail"),
                "-recip", file("bob.pem"), "-inkey", file("bob.key.pem"), "-out", signed.toString()).ok();
        long signingTime = com.nimbusds.jose.util.JSONObjectUtils.getLong(com.nimbusds.jose.util.JSONObjectUtils.parse(
                Files.readString(WorkedExample.file("publishing-license.json"))), "iat");
        PeerTool.run("openssl", "cms", "-verify", "-inform", "DER", "-in", signed.toString(), "-CAfile", file("root-ca.pem"),
                "-attime", Long.toString(signingTime), "-out", content.toString()).ok();

        assertThat(Files.readAllBytes(content)).isEqualTo(Files.readAllBytes(WorkedExample.file("message.eml")));
    }

    private static String file(String name) {
        return WorkedExample.file(name).toString();
    }
}

package org.sealmail.app.cli.smime;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.FileErrors;

/**
 * An output file written under a temporary name beside its target and moved into place only
 * when the command succeeded: a failed decryption (a GCM tag that does not verify, a truncated
 * message) leaves no partial plaintext behind, and an existing target is not clobbered.
 */
final class StagedOutputFile implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final OutputStream out;
    private boolean committed;

    private StagedOutputFile(Path target, Path staging, OutputStream out) {
        this.target = target;
        this.staging = staging;
        this.out = out;
    }

    /**
     * @param target the file to produce
     * @return a staged file whose stream writes beside the target
     * @throws CryptoException {@link CryptoFailure#IO} if the directory is not writable
     */
    static StagedOutputFile create(Path target) {
        Path absolute = target.toAbsolutePath();
        try {
            Path staging = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".partial");
            return new StagedOutputFile(absolute, staging, new BufferedOutputStream(Files.newOutputStream(staging), 64 * 1024));
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot write " + target + ": " + FileErrors.writeReason(target, e), e);
        }
    }

    /** @return the stream to write to */
    OutputStream stream() {
        return out;
    }

    /** Closes the stream and moves the file into place. */
    void commit() {
        try {
            out.close();
            try {
                Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot write " + target + ": " + FileErrors.writeReason(target, e), e);
        }
    }

    /** Deletes the staging file unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            // the staging file is deleted below anyway
        }
        try {
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot delete the partial output " + staging + ": " + e.getMessage(), e);
        }
    }
}

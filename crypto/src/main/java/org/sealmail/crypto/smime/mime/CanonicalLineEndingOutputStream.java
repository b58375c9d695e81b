package org.sealmail.crypto.smime.mime;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns every line end (CR LF, bare LF or bare CR) into CR LF as bytes pass through: the
 * canonical form in which S/MIME protects a MIME entity (RFC 8551 §3.1.1). Streaming; keeps one
 * byte of state. Closing it closes the target.
 */
public final class CanonicalLineEndingOutputStream extends FilterOutputStream {

    private boolean afterCr;

    /** @param out the target stream */
    public CanonicalLineEndingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\r') {
            out.write('\r');
            out.write('\n');
            afterCr = true;
            return;
        }
        if (b == '\n') {
            if (!afterCr) {
                out.write('\r');
                out.write('\n');
            }
            afterCr = false;
            return;
        }
        afterCr = false;
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                if (i > start) {
                    out.write(bytes, start, i - start);
                    afterCr = false;
                }
                write(b);
                start = i + 1;
            }
        }
        if (end > start) {
            out.write(bytes, start, end - start);
            afterCr = false;
        }
    }
}

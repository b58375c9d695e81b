package org.sealmail.crypto.smime.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that serves its bytes a block at a time, each block produced on demand by
 * {@link #nextBlock()} (a decoded base64 block, a line of a PEM body, ...). Subclasses only say
 * how to produce the next block.
 */
public abstract class BlockInputStream extends InputStream {

    private static final byte[] EMPTY = new byte[0];

    private byte[] block = EMPTY;
    private int position;
    private boolean ended;

    /**
     * @return the next block (may be empty, then the following one is asked for), or null at
     *     the end of the content
     * @throws IOException if the source fails or its content is invalid
     */
    protected abstract byte[] nextBlock() throws IOException;

    @Override
    public int read() throws IOException {
        return available(1) ? block[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!available(length)) {
            return -1;
        }
        int count = Math.min(length, block.length - position);
        System.arraycopy(block, position, bytes, offset, count);
        position += count;
        return count;
    }

    /** @return false at the end of the content; otherwise a block with unread bytes is ready */
    private boolean available(int wanted) throws IOException {
        while (position >= block.length) {
            if (ended) {
                return false;
            }
            byte[] next = nextBlock();
            if (next == null) {
                ended = true;
                block = EMPTY;
                position = 0;
                return false;
            }
            block = next;
            position = 0;
        }
        return wanted > 0;
    }
}

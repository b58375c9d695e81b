package org.sealmail.mailstore.messages;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;

/** Compresses raw messages for storage: DEFLATE (RFC 1951) in a zlib wrapper (RFC 1950), level 6. */
public final class RawMessageCompression {

    private RawMessageCompression() {
    }

    /** @return the zlib-compressed bytes */
    public static byte[] compress(byte[] raw) {
        Deflater deflater = new Deflater(6);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 3));
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * @param compressed what {@link #compress} returned
     * @return the raw bytes
     * @throws StoreException CORRUPT if the data is not complete zlib data
     */
    public static byte[] decompress(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3);
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new StoreException(StoreFailure.CORRUPT, "stored data is truncated (zlib stream ends early)");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new StoreException(StoreFailure.CORRUPT, "stored data is not valid zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /**
     * @param compressed what {@link #compress} returned
     * @param expectedSize the raw size recorded with it, in bytes
     * @return the raw bytes
     * @throws StoreException CORRUPT if the data does not inflate to the expected size
     */
    public static byte[] decompress(byte[] compressed, long expectedSize) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] raw = new byte[Math.toIntExact(expectedSize)];
            int length = 0;
            while (length < raw.length && !inflater.finished()) {
                int n = inflater.inflate(raw, length, raw.length - length);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                length += n;
            }
            if (length != raw.length || !inflater.finished()) {
                throw new StoreException(StoreFailure.CORRUPT, "a stored message does not inflate to its recorded size of "
                        + expectedSize + " bytes");
            }
            return raw;
        } catch (DataFormatException e) {
            throw new StoreException(StoreFailure.CORRUPT, "a stored message is not valid zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}

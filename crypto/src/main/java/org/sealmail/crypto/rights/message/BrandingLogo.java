package org.sealmail.crypto.rights.message;

import java.util.Arrays;

/**
 * A logo shown in the readable wrapper of a protected message: a PNG or JPEG image of at most
 * {@link #MAX_BYTES} bytes, embedded in the HTML wrapper as a {@code data:} URI (RFC 2397), so
 * that the wrapper stays one {@code multipart/alternative} and its digest covers the image.
 *
 * @param bytes the image file's bytes; the media type is taken from its signature, not a file name
 */
public record BrandingLogo(byte[] bytes) {

    /** Largest logo accepted, in bytes (64 KiB). */
    public static final int MAX_BYTES = 64 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /**
     * Checks and copies the image.
     *
     * @throws IllegalArgumentException if it is empty, larger than {@link #MAX_BYTES}, or neither a PNG (signature
     *     89 50 4E 47 0D 0A 1A 0A, ISO/IEC 15948 §5.2) nor a JPEG (SOI marker FF D8 followed by a marker, ITU-T T.81)
     */
    public BrandingLogo {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("the logo is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("the logo has " + bytes.length + " bytes; at most " + MAX_BYTES
                    + " (64 KiB) are allowed");
        }
        if (!startsWith(bytes, PNG_SIGNATURE) && !startsWith(bytes, JPEG_SIGNATURE)) {
            throw new IllegalArgumentException("the logo is neither a PNG nor a JPEG image");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return {@code image/png} or {@code image/jpeg} */
    public String mediaType() {
        return startsWith(bytes, PNG_SIGNATURE) ? "image/png" : "image/jpeg";
    }

    /** @return the image as a {@code data:} URI (RFC 2397), base64 */
    public String dataUri() {
        return "data:" + mediaType() + ";base64," + java.util.Base64.getEncoder().encodeToString(bytes);
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BrandingLogo logo && Arrays.equals(bytes, logo.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "BrandingLogo[" + mediaType() + ", " + bytes.length + " bytes]";
    }
}

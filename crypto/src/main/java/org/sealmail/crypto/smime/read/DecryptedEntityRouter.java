package org.sealmail.crypto.smime.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.sealmail.crypto.smime.mime.ContentType;
import org.sealmail.crypto.smime.mime.RawMimeHeaders;
import org.sealmail.crypto.smime.mime.RawMimeParser;

/**
 * Receives a decrypted entity and sends it where it belongs, decided by its header block: an
 * entity that is another S/MIME layer (multipart/signed, application/pkcs7-mime) is held in
 * memory for the next step; any other entity goes straight through to the content stream, so
 * that a large message is never held whole. Not closed by its users; {@link #finish()} ends it.
 */
final class DecryptedEntityRouter extends OutputStream {

    private final OutputStream content;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private Boolean layer;

    DecryptedEntityRouter(OutputStream content) {
        this.content = content;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (Boolean.FALSE.equals(layer)) {
            content.write(bytes, offset, length);
            return;
        }
        held.write(bytes, offset, length);
        if (layer == null && (headerBlockComplete() || held.size() > RawMimeHeaders.MAX_HEADER_BYTES)) {
            decide();
        }
    }

    @Override
    public void flush() throws IOException {
        if (Boolean.FALSE.equals(layer)) {
            content.flush();
        }
    }

    /** Ends the entity: an entity too short to decide on is decided now. */
    void finish() throws IOException {
        if (layer == null) {
            decide();
        }
        flush();
    }

    /** @return the entity when it is another S/MIME layer; empty when it went to the content stream */
    Optional<byte[]> heldInner() {
        return Boolean.TRUE.equals(layer) ? Optional.of(held.toByteArray()) : Optional.empty();
    }

    private void decide() throws IOException {
        ContentType type = RawMimeParser.parseEntity(held.toByteArray()).contentType();
        layer = type.is("multipart/signed", "application/pkcs7-mime", "application/x-pkcs7-mime");
        if (!layer) {
            held.writeTo(content);
            held.reset();
        }
    }

    /** @return true once the held bytes contain the empty line that ends a header block (CRLF or LF line ends) */
    private boolean headerBlockComplete() {
        byte[] bytes = held.toByteArray();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] == '\n'
                    || bytes[i - 1] == '\r' && (i == 1 || bytes[i - 2] == '\n'))) {
                return true;
            }
        }
        return false;
    }
}

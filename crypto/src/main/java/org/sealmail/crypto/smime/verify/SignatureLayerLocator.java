package org.sealmail.crypto.smime.verify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.smime.mime.ContentType;
import org.sealmail.crypto.smime.mime.MultipartBody;
import org.sealmail.crypto.smime.mime.RawMimeEntity;
import org.sealmail.crypto.smime.mime.RawMimeParser;

/**
 * Finds the S/MIME signature layer of a message (RFC 8551 §3.5): a multipart/signed with the
 * pkcs7-signature protocol, or an application/pkcs7-mime signed-data, including the legacy
 * {@code x-pkcs7-*} names (RFC 8551 §3.2.1). A signed entity nested in an unsigned multipart
 * is found too and marked {@link Coverage#PARTIAL} when other non-empty parts sit beside it.
 */
final class SignatureLayerLocator {

    private static final int MAX_DEPTH = 20;

    private SignatureLayerLocator() {
    }

    /**
     * @param message the top-level entity
     * @return the first signature layer (depth first), else an encryption layer, else none
     */
    static SignatureLayer locate(RawMimeEntity message) {
        return locate(message, 0);
    }

    /**
     * @param entity an entity
     * @return the signature layer when the entity itself is one (no search inside multiparts),
     *     used for signatures nested directly inside signed content
     */
    static Optional<SignatureLayer> direct(RawMimeEntity entity) {
        SignatureLayer layer = own(entity);
        return layer.kind() == SignatureLayer.Kind.DETACHED || layer.kind() == SignatureLayer.Kind.OPAQUE
                ? Optional.of(layer) : Optional.empty();
    }

    /**
     * @param entity an entity
     * @return the layer the entity itself is (no search inside multiparts): signed, encrypted or
     *     none; content that only looks like CMS (undecodable) counts as none, to be shown as content
     */
    static SignatureLayer own(RawMimeEntity entity) {
        try {
            return classify(entity);
        } catch (CryptoException e) {
            return SignatureLayer.none("the " + entity.contentType().mediaType() + " body is not readable CMS: "
                    + e.getMessage());
        }
    }

    private static SignatureLayer locate(RawMimeEntity entity, int depth) {
        SignatureLayer own = classify(entity);
        if (own.kind() != SignatureLayer.Kind.NONE) {
            return own;
        }
        ContentType type = entity.contentType();
        if (!type.isMultipart() || type.is("multipart/signed") || depth >= MAX_DEPTH) {
            return own;
        }
        Optional<String> boundary = type.parameter("boundary");
        if (boundary.isEmpty()) {
            return own;
        }
        List<byte[]> parts;
        try {
            parts = MultipartBody.split(entity.body(), boundary.get()).parts();
        } catch (CryptoException e) {
            return SignatureLayer.none("the " + type.mediaType() + " body has no boundary delimiter; no signature found");
        }
        SignatureLayer encrypted = null;
        for (int i = 0; i < parts.size(); i++) {
            RawMimeEntity part = RawMimeParser.parseEntity(parts.get(i));
            SignatureLayer found = locate(part, depth + 1);
            if (found.kind() == SignatureLayer.Kind.DETACHED || found.kind() == SignatureLayer.Kind.OPAQUE) {
                boolean others = false;
                for (int j = 0; j < parts.size() && !others; j++) {
                    others = j != i && hasVisibleContent(RawMimeParser.parseEntity(parts.get(j)), depth + 1);
                }
                Coverage coverage = others || found.coverage() == Coverage.PARTIAL ? Coverage.PARTIAL : Coverage.WHOLE;
                return new SignatureLayer(found.kind(), found.entity(), coverage, found.note());
            }
            if (found.kind() == SignatureLayer.Kind.ENCRYPTED && encrypted == null) {
                encrypted = found;
            }
        }
        return encrypted != null ? encrypted : own;
    }

    private static SignatureLayer classify(RawMimeEntity entity) {
        ContentType type = entity.contentType();
        if (type.is("multipart/signed")) {
            String protocol = type.parameter("protocol").orElse("").trim().toLowerCase(Locale.ROOT);
            if (protocol.isEmpty() || protocol.equals("application/pkcs7-signature")
                    || protocol.equals("application/x-pkcs7-signature")) {
                return new SignatureLayer(SignatureLayer.Kind.DETACHED, entity, Coverage.WHOLE, Optional.empty());
            }
            return SignatureLayer.none("multipart/signed with protocol \"" + protocol
                    + "\" is not an S/MIME signature (OpenPGP is RFC 3156)");
        }
        if (type.is("application/pkcs7-mime", "application/x-pkcs7-mime")) {
            String smimeType = type.parameter("smime-type").orElse("").trim().toLowerCase(Locale.ROOT);
            if (smimeType.equals("certs-only")) {
                return SignatureLayer.none("application/pkcs7-mime certs-only carries certificates, no signature");
            }
            if (smimeType.equals("compressed-data")) {
                return SignatureLayer.none("application/pkcs7-mime compressed-data (RFC 3274) is not a signature");
            }
            // the CMS content type decides: smime-type is optional (RFC 8551 §3.2.2) and sometimes wrong
            return byCmsType(entity);
        }
        return SignatureLayer.none("the message has no S/MIME signature (Content-Type " + type.mediaType() + ")");
    }

    /** application/pkcs7-mime without (or with an unknown) smime-type: look at the CMS content type. */
    private static SignatureLayer byCmsType(RawMimeEntity entity) {
        SignedDataVerifier.CmsKind kind = SignedDataVerifier.kindOf(entity.decodedBody());
        return switch (kind) {
            case SIGNED_DATA -> new SignatureLayer(SignatureLayer.Kind.OPAQUE, entity, Coverage.WHOLE, Optional.empty());
            case ENVELOPED_DATA -> encrypted(entity, "enveloped-data");
            case AUTH_ENVELOPED_DATA -> encrypted(entity, "authEnveloped-data");
            case OTHER -> SignatureLayer.none("application/pkcs7-mime holds CMS content that is neither signed nor encrypted");
        };
    }

    private static SignatureLayer encrypted(RawMimeEntity entity, String smimeType) {
        return new SignatureLayer(SignatureLayer.Kind.ENCRYPTED, entity, Coverage.WHOLE, Optional.of(
                "the message is encrypted (" + smimeType + "): decrypt it first, then verify the decrypted content"));
    }

    private static boolean hasVisibleContent(RawMimeEntity entity, int depth) {
        ContentType type = entity.contentType();
        if (type.isMultipart() && depth < MAX_DEPTH && type.parameter("boundary").isPresent()) {
            try {
                for (byte[] part : MultipartBody.split(entity.body(), type.parameter("boundary").get()).parts()) {
                    if (hasVisibleContent(RawMimeParser.parseEntity(part), depth + 1)) {
                        return true;
                    }
                }
                return false;
            } catch (CryptoException e) {
                return true;
            }
        }
        byte[] body;
        try {
            body = entity.decodedBody();
        } catch (CryptoException e) {
            body = entity.body();
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return true;
            }
        }
        return false;
    }
}

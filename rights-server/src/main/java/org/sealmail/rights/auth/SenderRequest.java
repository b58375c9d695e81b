package org.sealmail.rights.auth;

import java.util.Objects;

/**
 * The parts of an HTTP request a {@code Sealmail-Sender} signature covers (docs/rights-server-api.md §2).
 *
 * @param method the HTTP method, upper case
 * @param path the request path without query
 * @param cid the content id the request is about
 * @param body the exact body bytes (empty for GET)
 */
public record SenderRequest(String method, String path, String cid, byte[] body) {

    /** Checks the fields. */
    public SenderRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(cid, "cid");
        body = body.clone();
    }
}

package org.sealmail.rights.service;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling, for the access log.
 *
 * @param channel {@code api} or {@code web}
 * @param client the client software (the request's {@code client} member or User-Agent), at most 200 characters
 */
public record Caller(String channel, Optional<String> client) {

    /** The API channel. */
    public static final String API = "api";

    /** The web reader channel. */
    public static final String WEB = "web";

    /** Checks the channel and shortens the client text. */
    public Caller {
        Objects.requireNonNull(channel, "channel");
        client = client.map(text -> text.length() > 200 ? text.substring(0, 200) : text)
                .map(text -> text.replaceAll("\\p{Cntrl}", " "));
    }
}

package org.sealmail.mailstore.autoconfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AutoconfigFetcher} over the JDK's HTTP client: platform TLS trust, redirects only
 * where they do not downgrade to http (the client's NORMAL policy), 10 s timeouts, bodies up to
 * {@link #MAX_BYTES}, no proxy (the app blocks proxies for the viewer and opts out here).
 */
public final class HttpAutoconfigFetcher implements AutoconfigFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(HttpAutoconfigFetcher.class);

    /** Largest accepted document (ISPDB files are a few KiB). */
    public static final int MAX_BYTES = 256 * 1024;

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();

    @Override
    public Optional<byte[]> fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    LOG.debug("autoconfig {}: HTTP {}", uri, response.statusCode());
                    return Optional.empty();
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    LOG.info("autoconfig {}: larger than {} bytes, ignored", uri, MAX_BYTES);
                    return Optional.empty();
                }
                return Optional.of(bytes);
            }
        } catch (IOException e) {
            LOG.debug("autoconfig {}: {}", uri, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

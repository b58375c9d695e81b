package org.sealmail.rights.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A JSON-over-HTTPS client for tests, trusting only the test root (hostname verification on). */
public final class ApiClient {

    private final String base;
    private final HttpClient http;

    /** @param base the server's base URL, e.g. https://localhost:8443 */
    public ApiClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(TestTls.clientContext()).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY).build();
    }

    /**
     * A response.
     *
     * @param status HTTP status
     * @param contentType the Content-Type header
     * @param body the body text
     * @param headers all headers
     */
    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        /** @return the body as a JSON object */
        public Map<String, Object> json() {
            try {
                return JSONObjectUtils.parse(body);
            } catch (ParseException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** @return the problem reason of an error response */
        public String reason() {
            return (String) json().get("reason");
        }
    }

    /**
     * @param method HTTP method
     * @param path path starting with /
     * @param body body bytes (empty for none)
     * @param authorization the Authorization header, if any
     * @return the response
     */
    public Response send(String method, String path, byte[] body, Optional<String> authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("User-Agent", "SealmailTest/1").method(method, body.length == 0 && !method.equals("POST")
                        && !method.equals("PUT") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            request.header("Content-Type", "application/json");
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a JSON object. */
    public Response post(String path, Map<String, ?> json, Optional<String> authorization) {
        return send("POST", path, JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8), authorization);
    }

    /** GETs a path. */
    public Response get(String path, Optional<String> authorization) {
        return send("GET", path, new byte[0], authorization);
    }
}

package org.sealmail.app.rights;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.sealmail.crypto.keys.CertificateFiles;

/**
 * HTTPS with JSON to a rights server or key service (java.net.http): TLS 1.2 or 1.3 only, hostname
 * verification on (the JDK client's endpoint identification), trust from a configured CA file or the
 * system trust store, never trust-all; no proxy ({@link HttpClient.Builder#proxy} {@code NO_PROXY}: the
 * JVM-wide proxy selector is the WebView's dead-end, see FACTS.md). Answers are parsed as JSON;
 * problem+json and transport failures become {@link RightsServerProblem}.
 */
public final class RightsServerTransport {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String userAgent;

    private RightsServerTransport(HttpClient client, String userAgent) {
        this.client = client;
        this.userAgent = userAgent;
    }

    /**
     * @param trustedCa PEM file of the CA certificates that may sign the server's TLS certificate; empty: the
     *     system trust store
     * @return a transport
     * @throws RightsServerProblem {@link RightsServerProblem#TLS} if the CA file cannot be read
     */
    public static RightsServerTransport create(Optional<Path> trustedCa) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustedCa.isPresent()) {
                KeyStore anchors = KeyStore.getInstance("PKCS12");
                anchors.load(null, null);
                int index = 0;
                for (X509Certificate certificate : CertificateFiles.read(trustedCa.get())) {
                    anchors.setCertificateEntry("ca-" + index++, certificate);
                }
                trust.init(anchors);
            } else {
                trust.init((KeyStore) null);
            }
            context.init(null, trust.getTrustManagers(), null);
            SSLParameters parameters = new SSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            HttpClient client = HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                    .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            return new RightsServerTransport(client, "Sealmail/0.1 (" + System.getProperty("os.name") + ")");
        } catch (GeneralSecurityException | IOException e) {
            throw new RightsServerProblem(RightsServerProblem.TLS, 0, "cannot set up TLS trust"
                    + trustedCa.map(file -> " from " + file).orElse("") + ": " + e.getMessage(), Map.of(), e);
        }
    }

    /** @return the {@code client} text sent with use-license requests and as User-Agent */
    public String clientName() {
        return userAgent;
    }

    /**
     * Sends a request and parses the JSON answer.
     *
     * @param method GET, POST or PUT
     * @param uri the full URL (https)
     * @param body the exact body bytes (JSON), empty for none
     * @param authorization the Authorization header value, if any
     * @return the answer's JSON object and status
     * @throws RightsServerProblem the server's problem+json, or a transport failure
     */
    public Answer exchange(String method, URI uri, byte[] body, Optional<String> authorization) {
        if (!"https".equals(uri.getScheme())) {
            throw new RightsServerProblem(RightsServerProblem.TLS, 0, "refusing to talk to " + uri + ": https only", Map.of(),
                    null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", userAgent)
                .header("Accept", "application/json, application/problem+json");
        authorization.ifPresent(value -> request.header("Authorization", value));
        if (body.length > 0) {
            request.header("Content-Type", "application/json; charset=UTF-8");
        }
        request.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (SSLHandshakeException e) {
            throw new RightsServerProblem(RightsServerProblem.TLS, 0, "TLS with " + uri.getHost() + " failed (certificate not"
                    + " trusted or not for this name?): " + e.getMessage(), Map.of(), e);
        } catch (ConnectException | HttpTimeoutException e) {
            throw new RightsServerProblem(RightsServerProblem.UNREACHABLE, 0, "cannot reach " + uri.getHost() + ":"
                    + port(uri) + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), Map.of(), e);
        } catch (IOException e) {
            throw new RightsServerProblem(e.getCause() instanceof javax.net.ssl.SSLException ? RightsServerProblem.TLS
                    : RightsServerProblem.UNREACHABLE, 0, "the connection to " + uri.getHost() + " failed: " + e.getMessage(),
                    Map.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RightsServerProblem(RightsServerProblem.UNREACHABLE, 0, "interrupted while talking to " + uri.getHost(),
                    Map.of(), e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        Map<String, Object> json;
        try {
            json = text.isBlank() ? Map.of() : JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            throw new RightsServerProblem(RightsServerProblem.UNEXPECTED_RESPONSE, response.statusCode(), method + " " + uri
                    + " answered " + response.statusCode() + " with a body that is not JSON (" + type + ")", Map.of(), e);
        }
        if (response.statusCode() >= 400 || type.startsWith("application/problem+json")) {
            Object reason = json.get("reason");
            Object detail = json.get("detail");
            throw new RightsServerProblem(reason instanceof String code ? code : RightsServerProblem.UNEXPECTED_RESPONSE,
                    response.statusCode(), detail instanceof String words ? words
                            : method + " " + uri + " failed with HTTP " + response.statusCode(), json, null);
        }
        return new Answer(response.statusCode(), json);
    }

    private static int port(URI uri) {
        return uri.getPort() < 0 ? 443 : uri.getPort();
    }

    /**
     * A successful JSON answer.
     *
     * @param status the HTTP status (2xx)
     * @param json its JSON object
     */
    public record Answer(int status, Map<String, Object> json) {
    }
}

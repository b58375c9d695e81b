package org.sealmail.app.ui.html;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM-wide default {@link ProxySelector} that keeps the message viewer off the network.
 * WebView fetches through one shared {@code java.net.http.HttpClient} that reads the default
 * selector once; installed before the first WebView load, this selector sends every http, https,
 * ws and wss request to a dead loopback proxy, except requests to origins the reader explicitly
 * {@linkplain #permit permitted} ("load remote content" on unprotected mail). Other schemes (the
 * {@code socket://} look-ups of IMAP and SMTP connections) go to the previous default selector.
 * The application's own HTTP clients opt out with {@code HttpClient.Builder.proxy(HttpClient.Builder.NO_PROXY)}.
 */
public final class RemoteContentGate extends ProxySelector {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteContentGate.class);
    /** Nothing listens on port 1 of the loopback address: connections are refused at once. */
    private static final Proxy DEAD_PROXY =
            new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), 1));
    private static final Set<String> WEB_SCHEMES = Set.of("http", "https", "ws", "wss");
    private static RemoteContentGate installed;

    private final ProxySelector previous;
    private final Set<URI> permittedOrigins = new CopyOnWriteArraySet<>();

    private RemoteContentGate(ProxySelector previous) {
        this.previous = previous;
    }

    /**
     * Installs the gate as the JVM's default proxy selector, once; later calls return the same gate.
     *
     * @return the installed gate
     */
    public static synchronized RemoteContentGate install() {
        if (installed == null) {
            installed = new RemoteContentGate(ProxySelector.getDefault());
            ProxySelector.setDefault(installed);
            LOG.debug("remote content gate installed");
        }
        return installed;
    }

    /**
     * Lets requests to these origins through until the returned permit is closed.
     *
     * @param origins origins as {@code scheme://host:port}
     * @return the permit; closing it blocks the origins again
     */
    public Permit permit(Collection<URI> origins) {
        Set<URI> copy = Set.copyOf(origins);
        permittedOrigins.addAll(copy);
        return () -> permittedOrigins.removeAll(copy);
    }

    @Override
    public List<Proxy> select(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!WEB_SCHEMES.contains(scheme)) {
            return previous != null ? previous.select(uri) : List.of(Proxy.NO_PROXY);
        }
        if (originOf(uri).filter(permittedOrigins::contains).isPresent()) {
            return List.of(Proxy.NO_PROXY);
        }
        LOG.debug("blocked remote load of {}://{}", scheme, uri.getHost());
        return List.of(DEAD_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        if (previous != null && !WEB_SCHEMES.contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))) {
            previous.connectFailed(uri, address, failure);
        }
    }

    /**
     * @param uri an http, https, ws or wss URI
     * @return its origin as {@code http(s)://host:port} (ws counts as http, wss as https, default
     *         ports made explicit), or empty for other schemes and URIs without a host
     */
    public static Optional<URI> originOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!WEB_SCHEMES.contains(scheme) || uri.getHost() == null) {
            return Optional.empty();
        }
        String httpScheme = scheme.equals("ws") ? "http" : scheme.equals("wss") ? "https" : scheme;
        int port = uri.getPort() != -1 ? uri.getPort() : httpScheme.equals("http") ? 80 : 443;
        return Optional.of(URI.create(httpScheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port));
    }

    /** A permission to load from some origins; {@link #close()} revokes it. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}

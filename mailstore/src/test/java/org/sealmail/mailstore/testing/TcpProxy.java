package org.sealmail.mailstore.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A loopback TCP proxy for fault tests: counts connections, can drop them all, can cut a
 * connection after a number of bytes in either direction, and (when it terminates TLS itself)
 * can rewrite server lines on their way to the client. Binds only to a loopback address.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong cutAfterClientBytes = new AtomicLong(-1);
    private final AtomicLong cutAfterServerBytes = new AtomicLong(-1);
    private final AtomicLong clientBytes = new AtomicLong();
    private final AtomicLong silenceAfterClientBytes = new AtomicLong(-1);
    private volatile UnaryOperator<String> serverLineRewrite;
    private volatile boolean refuse;
    private final Thread acceptor;

    /**
     * @param bindAddress a loopback address (127.x.y.z)
     * @param targetPort the port on 127.0.0.1 to forward to
     * @param terminateTls when not null, the proxy speaks TLS to the client with this context and plain TCP to the target
     */
    public TcpProxy(String bindAddress, int targetPort, SSLContext terminateTls) {
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("test proxies bind to loopback only");
            }
            if (terminateTls != null) {
                SSLServerSocket ssl = (SSLServerSocket) terminateTls.getServerSocketFactory().createServerSocket();
                ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                server = ssl;
            } else {
                server = new ServerSocket();
            }
            // a small receive window: when the proxy stops reading, a client's large write blocks
            // instead of vanishing into kernel buffers
            server.setReceiveBufferSize(64 * 1024);
            server.bind(new InetSocketAddress(address, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.targetPort = targetPort;
        acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @param targetPort the port on 127.0.0.1 to forward to, plain TCP both ways */
    public TcpProxy(int targetPort) {
        this("127.0.0.1", targetPort, null);
    }

    /** @return the port clients connect to */
    public int port() {
        return server.getLocalPort();
    }

    /** @return connections accepted so far */
    public int connections() {
        return connections.get();
    }

    /** @return bytes forwarded from clients to the server so far */
    public long clientBytes() {
        return clientBytes.get();
    }

    /**
     * The next connection that forwards more than n client bytes stops reading from the client,
     * and one second later is closed on both sides (the client's pending write fails); one-shot.
     */
    public void cutAfterClientBytes(long n) {
        cutAfterClientBytes.set(n);
    }

    /** Cuts the next connection that forwards more than n server bytes; one-shot. */
    public void cutAfterServerBytes(long n) {
        cutAfterServerBytes.set(n);
    }

    /**
     * The next connection whose client sends more than n bytes gets no more server replies; both
     * sides are closed half a second later (the server has the data, the client never hears back).
     */
    public void silenceRepliesAfterClientBytes(long n) {
        silenceAfterClientBytes.set(n);
    }

    /** @param rewrite applied to each server line (with its CRLF) before the client sees it; needs TLS termination to see plaintext */
    public void rewriteServerLines(UnaryOperator<String> rewrite) {
        this.serverLineRewrite = rewrite;
    }

    /** @param on when true, new connections are closed at once (a server that is down) */
    public void refuseConnections(boolean on) {
        refuse = on;
    }

    /** Closes every open connection (the server "restarts"). */
    public void dropAll() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                if (refuse) {
                    closeQuietly(client);
                    continue;
                }
                Socket target;
                try {
                    target = new Socket("127.0.0.1", targetPort);
                } catch (IOException e) {
                    closeQuietly(client);   // the server is down: the client sees the connection close
                    continue;
                }
                open.add(client);
                open.add(target);
                AtomicLong fromClient = new AtomicLong();
                AtomicLong fromServer = new AtomicLong();
                pump(client, target, fromClient, cutAfterClientBytes, null, null);
                pump(target, client, fromServer, cutAfterServerBytes, serverLineRewrite, fromClient);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    continue;
                }
                return;
            }
        }
    }

    /** @param peerCounter for the server-to-client direction: the bytes the client sent on this connection; null for client-to-server */
    private void pump(Socket from, Socket to, AtomicLong counter, AtomicLong cutLimit, UnaryOperator<String> rewrite,
            AtomicLong peerCounter) {
        boolean clientSide = peerCounter == null;
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                if (rewrite != null) {
                    pumpLines(in, out, rewrite);
                    return;
                }
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    long silence = silenceAfterClientBytes.get();
                    if (!clientSide && silence >= 0 && peerCounter.get() > silence) {
                        silenceAfterClientBytes.compareAndSet(silence, -1);
                        Thread.sleep(500);
                        closeQuietly(from);
                        closeQuietly(to);
                        return;
                    }
                    long limit = cutLimit.get();
                    if (limit >= 0 && counter.get() + n > limit) {
                        int allowed = (int) Math.max(0, limit - counter.get());
                        out.write(buffer, 0, allowed);
                        out.flush();
                        cutLimit.compareAndSet(limit, -1);
                        Thread.sleep(1000);
                        closeQuietly(from);
                        closeQuietly(to);
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    counter.addAndGet(n);
                    if (clientSide) {
                        clientBytes.addAndGet(n);
                    }
                }
            } catch (IOException e) {
                // connection closed or cut
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void pumpLines(InputStream in, OutputStream out, UnaryOperator<String> rewrite) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                out.write(rewrite.apply(line.toString(StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                line.reset();
            }
        }
        out.write(line.toByteArray());
        out.flush();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        dropAll();
    }
}

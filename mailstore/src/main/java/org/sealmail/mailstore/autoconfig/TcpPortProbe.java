package org.sealmail.mailstore.autoconfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** {@link PortProbe} that opens (and closes at once) a TCP connection with a timeout. */
public final class TcpPortProbe implements PortProbe {

    private final Duration timeout;

    /** @param timeout how long to wait for the connection */
    public TcpPortProbe(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package org.sealmail.app.ui.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteContentGateTest {

    private final RemoteContentGate gate = RemoteContentGate.install();

    @Test
    void isTheJvmDefaultAndSendsWebSchemesToADeadLoopbackProxy() {
        assertThat(ProxySelector.getDefault()).isSameAs(gate);
        for (String uri : List.of("http://tracker.example/p.gif", "https://tracker.example/p.gif",
                "ws://tracker.example/s", "wss://tracker.example/s")) {
            Proxy proxy = gate.select(URI.create(uri)).get(0);
            assertThat(proxy.type()).as(uri).isEqualTo(Proxy.Type.HTTP);
            InetSocketAddress address = (InetSocketAddress) proxy.address();
            assertThat(address.getAddress().isLoopbackAddress()).isTrue();
            assertThat(address.getPort()).isEqualTo(1);
        }
    }

    @Test
    void permitsExactlyThePermittedOriginsUntilThePermitCloses() {
        RemoteContentGate.Permit permit = gate.permit(List.of(URI.create("https://images.example:443")));

        assertThat(gate.select(URI.create("https://images.example/a.png"))).containsExactly(Proxy.NO_PROXY);
        assertThat(gate.select(URI.create("https://images.example:8443/a.png")).get(0).type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(gate.select(URI.create("http://images.example/a.png")).get(0).type()).isEqualTo(Proxy.Type.HTTP);

        permit.close();
        assertThat(gate.select(URI.create("https://images.example/a.png")).get(0).type()).isEqualTo(Proxy.Type.HTTP);
    }

    @Test
    void leavesMailConnectionsToThePreviousSelector() {
        assertThat(gate.select(URI.create("socket://imap.example.org:993"))).containsExactly(Proxy.NO_PROXY);
    }
}

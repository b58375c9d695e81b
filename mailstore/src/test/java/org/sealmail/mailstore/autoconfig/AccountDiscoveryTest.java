package org.sealmail.mailstore.autoconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.server.ConnectionSecurity;
import org.sealmail.mailstore.server.ServerEndpoint;

/**
 * Account discovery: autoconfig XML served over HTTP from loopback (the real locations are
 * https://autoconfig.DOMAIN/... and https://DOMAIN/.well-known/...), SRV records from a fake
 * resolver, guessed hosts from a fake probe.
 */
class AccountDiscoveryTest {

    /** A real ISPDB entry's shape (Thunderbird autoconfig, clientConfig version 1.1), trimmed. */
    private static final String ISPDB = """
            <?xml version="1.0" encoding="UTF-8"?>
            <clientConfig version="1.1">
              <emailProvider id="example.org">
                <domain>example.org</domain>
                <incomingServer type="pop3">
                  <hostname>pop.example.org</hostname><port>995</port><socketType>SSL</socketType>
                  <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
                </incomingServer>
                <incomingServer type="imap">
                  <hostname>imap.example.org</hostname><port>143</port><socketType>plain</socketType>
                  <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
                </incomingServer>
                <incomingServer type="imap">
                  <hostname>imap.%EMAILDOMAIN%</hostname><port>993</port><socketType>SSL</socketType>
                  <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication>
                </incomingServer>
                <outgoingServer type="smtp">
                  <hostname>smtp.example.org</hostname><port>587</port><socketType>STARTTLS</socketType>
                  <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication>
                </outgoingServer>
              </emailProvider>
            </clientConfig>
            """;

    private HttpServer http;
    private final List<String> requested = new ArrayList<>();
    private final Map<String, String> documents = new java.util.HashMap<>();

    @BeforeEach
    void serve() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(exchange.getRequestURI().toString());
            String body = documents.get(path);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    /** The two well-known locations, mapped onto the loopback server (path keeps the host name). */
    private List<URI> loopbackLocations(String email) {
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        return AccountDiscovery.wellKnownLocations(email).stream()
                .map(uri -> URI.create(base + "/" + uri.getHost() + uri.getRawPath()
                        + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "")))
                .toList();
    }

    private AccountDiscovery discovery(SrvResolver srv, PortProbe probe) {
        return new AccountDiscovery(new HttpAutoconfigFetcher(), this::loopbackLocations, srv, probe);
    }

    @Test
    void theWellKnownLocationsAreThoseThunderbirdUses() {
        assertThat(AccountDiscovery.wellKnownLocations("bob+x@Example.org")).containsExactly(
                URI.create("https://autoconfig.example.org/mail/config-v1.1.xml?emailaddress=bob%2Bx%40Example.org"),
                URI.create("https://example.org/.well-known/autoconfig/mail/config-v1.1.xml"));
    }

    @Test
    void autoconfigFromTheWellKnownLocationWinsAndSkipsPlainServers() {
        documents.put("/example.org/.well-known/autoconfig/mail/config-v1.1.xml", ISPDB);

        DiscoveredAccount found = discovery(name -> List.of(), (h, p) -> false).discover("bob@example.org").orElseThrow();

        assertThat(requested).hasSize(2);   // autoconfig.example.org first (404), then the .well-known file
        assertThat(requested.get(0)).startsWith("/autoconfig.example.org/mail/config-v1.1.xml?emailaddress=bob%40example.org");
        assertThat(found.source()).isEqualTo(DiscoverySource.AUTOCONFIG);
        assertThat(found.imap()).isEqualTo(new ServerEndpoint("imap.example.org", 993, ConnectionSecurity.IMPLICIT_TLS));
        assertThat(found.smtp()).isEqualTo(new ServerEndpoint("smtp.example.org", 587, ConnectionSecurity.STARTTLS));
        assertThat(found.username()).isEqualTo("bob");
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsEverRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "imap.attacker.test");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + ISPDB.substring(ISPDB.indexOf("<clientConfig")).replace("imap.%EMAILDOMAIN%", "&x;");

        assertThatThrownBy(() -> IspdbParser.parse(xxe.getBytes(StandardCharsets.UTF_8), "bob@example.org"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
        documents.put("/autoconfig.example.org/mail/config-v1.1.xml", xxe);
        assertThat(discovery(name -> List.of(), (h, p) -> false).discover("bob@example.org")).isEmpty();
    }

    @Test
    void srvRecordsPreferImplicitTlsAndTheLowestPriority() {
        Map<String, List<SrvRecord>> dns = Map.of(
                "_imaps._tcp.example.org", List.of(SrvRecord.parse("10 0 993 backup.example.org."),
                        SrvRecord.parse("0 5 993 imap.example.org.")),
                "_imap._tcp.example.org", List.of(SrvRecord.parse("0 0 143 imap.example.org.")),
                "_submission._tcp.example.org", List.of(SrvRecord.parse("0 1 587 mail.provider.test.")));

        DiscoveredAccount found = discovery(name -> dns.getOrDefault(name, List.of()), (h, p) -> false)
                .discover("bob@example.org").orElseThrow();

        assertThat(found.source()).isEqualTo(DiscoverySource.SRV);
        assertThat(found.imap()).isEqualTo(new ServerEndpoint("imap.example.org", 993, ConnectionSecurity.IMPLICIT_TLS));
        assertThat(found.smtp()).isEqualTo(new ServerEndpoint("mail.provider.test", 587, ConnectionSecurity.STARTTLS));
        assertThat(found.confirmHosts()).as("the submission host is outside example.org (RFC 6186 §6)").isTrue();
    }

    @Test
    void aDotTargetMeansTheServiceIsNotOffered() {
        Map<String, List<SrvRecord>> dns = Map.of(
                "_imaps._tcp.example.org", List.of(SrvRecord.parse("0 0 0 .")),
                "_imap._tcp.example.org", List.of(SrvRecord.parse("0 0 143 imap.example.org.")),
                "_submissions._tcp.example.org", List.of(SrvRecord.parse("0 0 465 smtp.example.org.")));

        DiscoveredAccount found = discovery(name -> dns.getOrDefault(name, List.of()), (h, p) -> false)
                .discover("bob@example.org").orElseThrow();

        assertThat(found.imap()).isEqualTo(new ServerEndpoint("imap.example.org", 143, ConnectionSecurity.STARTTLS));
        assertThat(found.smtp()).isEqualTo(new ServerEndpoint("smtp.example.org", 465, ConnectionSecurity.IMPLICIT_TLS));
        assertThat(found.confirmHosts()).isFalse();
    }

    @Test
    void commonHostNamesAreGuessedLastAndOnlyWhenTheyAnswer() {
        Set<String> listening = Set.of("mail.example.org:993", "smtp.example.org:587");

        Optional<DiscoveredAccount> found = discovery(name -> List.of(),
                (host, port) -> listening.contains(host + ":" + port)).discover("bob@example.org");

        assertThat(found).isPresent();
        assertThat(found.get().source()).isEqualTo(DiscoverySource.GUESS);
        assertThat(found.get().imap()).isEqualTo(new ServerEndpoint("mail.example.org", 993, ConnectionSecurity.IMPLICIT_TLS));
        assertThat(found.get().smtp()).isEqualTo(new ServerEndpoint("smtp.example.org", 587, ConnectionSecurity.STARTTLS));
        assertThat(discovery(name -> List.of(), (h, p) -> false).discover("bob@example.org")).isEmpty();
    }

    @Test
    void manualHostPortsParseWithTheRightSecurity() {
        assertThat(ServerEndpoint.parseImap("imap.example.org")).isEqualTo(
                new ServerEndpoint("imap.example.org", 993, ConnectionSecurity.IMPLICIT_TLS));
        assertThat(ServerEndpoint.parseImap("127.0.0.1:1143")).isEqualTo(
                new ServerEndpoint("127.0.0.1", 1143, ConnectionSecurity.STARTTLS));
        assertThat(ServerEndpoint.parseSubmission("smtp.example.org:465")).isEqualTo(
                new ServerEndpoint("smtp.example.org", 465, ConnectionSecurity.IMPLICIT_TLS));
        assertThat(ServerEndpoint.parseSubmission("[::1]:1587")).isEqualTo(
                new ServerEndpoint("::1", 1587, ConnectionSecurity.STARTTLS));
        assertThatThrownBy(() -> ServerEndpoint.parseImap("host:x")).hasMessageContaining("not a number");
    }
}

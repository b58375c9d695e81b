package org.sealmail.rights.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.rights.http.RightsServer;
import org.sealmail.rights.testing.RightsServerFixture;
import org.sealmail.rights.testing.ServerKeys;
import org.sealmail.rights.testing.TestRecipient;
import org.sealmail.rights.testing.TestSender;
import org.sealmail.rights.testing.TestTls;

/**
 * Use licenses issued per second by one rights server on loopback (SQLite, RSA-2048 server key,
 * RSA-2048 device key) with N concurrent HTTPS clients, p50/p99 latency, side by side with
 * {@code GET /api/v1/health} on the same server: the HTTP and TLS floor. Run by bench/run.sh.
 */
public final class UseLicenseBench {

    private UseLicenseBench() {
    }

    /**
     * @param args clients and seconds per run
     * @throws Exception if the server cannot be set up
     */
    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("rights-bench");
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int port = RightsServerFixture.freePort();
        String base = "https://localhost:" + port;
        CertifiedKey key = ServerKeys.issue("rights-bench", KeyAlgorithm.RSA_2048);
        RightsServer server = RightsServerFixture.start(RightsServerFixture.writeRightsConfig(dir, port, mail.getSmtp().getPort(),
                List.of(key), ""), Clock.systemUTC());
        try {
            TestSender alice = new TestSender(TestPki.get().alice, base, Clock.systemUTC());
            TestSender.Sent sent = alice.protect("bob@example.test", TestPki.get().bob.certificate(),
                    ProtectionTemplate.DO_NOT_FORWARD, Clock.systemUTC(), "<p>bench</p>");
            alice.register(sent, key.certificate(), false);
            TestRecipient bob = new TestRecipient("bob@example.test", base, mail);
            String session = bob.session(sent.cid());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("device_key", bob.deviceKey().toPublicJWK().toJSONObject());
            body.put("client", "bench");
            byte[] useLicenseBody = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
            HttpRequest useLicense = HttpRequest.newBuilder(URI.create(base + "/api/v1/messages/" + sent.cid() + "/use-license"))
                    .header("Authorization", "Bearer " + session).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(useLicenseBody)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).GET().build();
            System.out.printf("rights server bench: %d clients, %d s per run, %d cores%n", clients, seconds,
                    Runtime.getRuntime().availableProcessors());
            run("warm-up", health, clients, 2);
            run("warm-up", useLicense, clients, 2);
            run("GET /api/v1/health (HTTP floor)", health, clients, seconds);
            run("POST .../use-license", useLicense, clients, seconds);
        } finally {
            server.close();
            mail.stop();
        }
    }

    private static void run(String name, HttpRequest request, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            results.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().sslContext(TestTls.clientContext()).version(HttpClient.Version.HTTP_1_1)
                        .proxy(HttpClient.Builder.NO_PROXY).build();
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(name + " answered " + response.statusCode());
                    }
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        Collections.sort(all);
        if (!name.equals("warm-up")) {
            System.out.printf("%-34s %8.1f req/s   p50 %7.2f ms   p99 %7.2f ms   (%d requests)%n", name,
                    all.size() / (double) seconds, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6,
                    all.size());
        }
    }
}

package vn.lienthong.gateway.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Prints the throughput (requests/s) and latency of POST /api/v1/dossiers over plain HTTP with an API key next to
 * HTTPS with a client certificate (checked per request against the trust anchors and CRLs), in the same run against
 * the same gateway: 8 concurrent clients, each on its own keep-alive connection, rounds alternating. Run by
 * {@code bench/mtls-figures.sh}.
 */
public final class MtlsThroughputBench {

    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final char[] PASSWORD = "sandbox".toCharArray();

    private MtlsThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int mtlsPort = Integer.parseInt(args[1]);
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 4000;
        ObjectNode sample = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("samples/dossier.json")));
        SSLContext agency = sslContext("certs-sample/agency-000.00.17.H56-client.p12");
        IntFunction<HttpRequest> apiKey = n -> HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/dossiers"))
                .header("Content-Type", "application/json").header("X-API-Key", "sandbox-agency-key")
                .POST(HttpRequest.BodyPublishers.ofString(body(sample, n))).build();
        IntFunction<HttpRequest> certificate = n -> HttpRequest.newBuilder(
                        URI.create("https://localhost:" + mtlsPort + "/api/v1/dossiers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(sample, n))).build();
        Supplier<HttpClient> plain = () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Supplier<HttpClient> mutualTls = () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(agency).connectTimeout(Duration.ofSeconds(5)).build();

        round("warm-up HTTP+key", plain, apiKey, perRound / 4);
        round("warm-up mTLS", mutualTls, certificate, perRound / 4);
        for (int r = 1; r <= 2; r++) {
            round("HTTP+key " + r, plain, apiKey, perRound);
            round("mTLS+cert " + r, mutualTls, certificate, perRound);
        }
    }

    private static void round(String name, Supplier<HttpClient> clientMaker, IntFunction<HttpRequest> request,
                              int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Long>>> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                HttpClient http = clientMaker.get();
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < total / CLIENTS; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> answer = http.send(request.apply(SEQUENCE.incrementAndGet()),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t0);
                    if (answer.statusCode() != 202) {
                        throw new IllegalStateException(name + " answered " + answer.statusCode() + ": " + answer.body());
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> client : clients) {
            all.addAll(client.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        System.out.printf("%-17s %,6d requests, %d clients: %,8.0f requests/s, p50 %.1f ms, p99 %.1f ms%n", name,
                all.size(), CLIENTS, all.size() / seconds, all.get(all.size() / 2) / 1e6,
                all.get((int) (all.size() * 0.99)) / 1e6);
    }

    private static SSLContext sslContext(String clientKeystore) throws Exception {
        KeyStore key = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(clientKeystore))) {
            key.load(in, PASSWORD);
        }
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of("certs-sample/trust-anchors.pem"))) {
            anchors.setCertificateEntry("root", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(key, PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static String body(ObjectNode sample, int n) {
        ObjectNode dossier = sample.deepCopy();
        dossier.put("dossierCode", String.format("000.00.17.H56-240101-%04d", n % 10_000));
        return dossier.toString();
    }
}

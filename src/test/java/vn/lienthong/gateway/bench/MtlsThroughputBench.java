package vn.lienthong.gateway.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
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
        ConcurrentRequests.round(name, CLIENTS, total, clientMaker, request, 202);
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

package vn.lienthong.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Prints what a second destination costs at the edge, same run, same gateway: a round of N dossiers that the routing
 * rules send to DVCQG only ({@code samples/dossier.json}), a round of N sent to DVCQG and LGSP
 * ({@code samples/dossier-lgsp.json}: two messages stored and queued in one queue transaction), then N progress steps
 * of the latter (two messages each); 8 keep-alive clients. Run by {@code bench/routing-figures.sh}.
 */
public final class RoutingThroughputBench {

    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CODE_DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private RoutingThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        ObjectNode dvcqgOnly = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("samples/dossier.json")));
        ObjectNode toBoth = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("samples/dossier-lgsp.json")));
        String step = Files.readString(Path.of("samples/progress.json"));
        String base = "http://127.0.0.1:" + port;

        ConcurrentRequests.round("DVCQG only", CLIENTS, perRound, RoutingThroughputBench::client,
                n -> dossier(base, dvcqgOnly, n), 202);
        ConcurrentRequests.round("DVCQG and LGSP", CLIENTS, perRound, RoutingThroughputBench::client,
                n -> dossier(base, toBoth, n), 202);
        IntFunction<HttpRequest> progress = n -> post(base + "/api/v1/dossiers/" + code(n - perRound) + "/progress",
                step);
        ConcurrentRequests.round("progress (2 dest)", CLIENTS, perRound, RoutingThroughputBench::client, progress, 202);
    }

    private static HttpRequest dossier(String base, ObjectNode sample, int n) {
        ObjectNode record = sample.deepCopy();
        record.put("dossierCode", code(n));
        return post(base + "/api/v1/dossiers", record.toString());
    }

    private static HttpRequest post(String uri, String json) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .header("X-API-Key", "sandbox-agency-key").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A dossier code of its own for each n: 10,000 a day from 1 January 2024. */
    private static String code(int n) {
        return "000.00.17.H56-" + LocalDate.of(2024, 1, 1).plusDays(n / 10_000).format(CODE_DAY) + "-"
                + String.format("%04d", n % 10_000);
    }
}

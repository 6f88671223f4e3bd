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
 * Prints progress posts per second ({@code POST /api/v1/dossiers/{code}/progress}) next to dossier posts, same run,
 * same gateway: a round of N dossier records (status ACCEPTED), then a round of N progress steps (PROCESSING), one per
 * dossier, each checked against the status table and stored with the dossier's state; 8 keep-alive clients.
 * Run by {@code bench/progress-figures.sh}.
 */
public final class ProgressThroughputBench {

    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CODE_DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private ProgressThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        ObjectNode sample = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("samples/dossier.json")));
        String step = Files.readString(Path.of("samples/progress.json"));
        String base = "http://127.0.0.1:" + port;
        IntFunction<HttpRequest> dossier = n -> {
            ObjectNode record = sample.deepCopy();
            record.put("dossierCode", code(n));
            return post(base + "/api/v1/dossiers", record.toString());
        };
        IntFunction<HttpRequest> progress = n -> post(base + "/api/v1/dossiers/" + code(n - perRound) + "/progress", step);

        ConcurrentRequests.round("dossier records", CLIENTS, perRound, ProgressThroughputBench::client, dossier, 202);
        ConcurrentRequests.round("progress steps", CLIENTS, perRound, ProgressThroughputBench::client, progress, 202);
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

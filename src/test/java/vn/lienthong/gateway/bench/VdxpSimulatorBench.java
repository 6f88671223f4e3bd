package vn.lienthong.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.gateway.simulator.VdxpTestClient;
import vn.lienthong.gateway.simulator.VdxpTestMessages;

/**
 * Prints how fast the sandbox's axis simulator takes signed edXML documents with one attachment of the given size:
 * sendEdoc per second (HMAC, hash, hardened parse, XSD, XML signature and chain, store), then getEdoc and updateStatus
 * per second on the receiving side; the documents are built and signed before the clock starts.
 * Run by {@code bench/vdxp-simulator-figures.sh}.
 */
public final class VdxpSimulatorBench {

    private static final int CLIENTS = 4;
    private static final String FROM = "000.00.17.H56";
    private static final String TO = "000.00.00.G22";
    private static final ObjectMapper JSON = new ObjectMapper();

    private VdxpSimulatorBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = (args.length > 1 ? Integer.parseInt(args[1]) : 100) / CLIENTS * CLIENTS;
        int attachmentBytes = args.length > 2 ? Integer.parseInt(args[2]) : 1 << 20;
        String base = "http://127.0.0.1:" + port + "/sim/vdxp/";
        VdxpTestClient gateway = VdxpTestClient.gateway();
        VdxpTestClient other = VdxpTestClient.otherProvince();

        long buildStart = System.nanoTime();
        List<byte[]> documents = new ArrayList<>();
        byte[] attachment = new byte[attachmentBytes];
        long stamp = System.currentTimeMillis() % 1_000_000;
        for (int i = 0; i < count; i++) {
            new Random(i).nextBytes(attachment);
            documents.add(VdxpTestMessages.signedByGateway(VdxpTestMessages.document(FROM, List.of(TO),
                    stamp + "-" + i, "Văn bản đo tốc độ " + i, attachment)));
        }
        System.out.printf("built and signed %d edXML of %,d bytes each in %.1f s (client side, not measured below)%n",
                count, documents.get(0).length, (System.nanoTime() - buildStart) / 1e9);

        int sendBase = nextSequence();
        ConcurrentRequests.round("sendEdoc", CLIENTS, count, VdxpSimulatorBench::client, n -> {
            byte[] edxml = documents.get((n - sendBase) % count);
            return request(base + "sendEdoc", gateway.sendEdoc(Instant.now(), "edoc", FROM, "[\"" + TO + "\"]", edxml),
                    "application/octet-stream", edxml);
        }, 200);

        HttpResponse<String> pending = client().send(request(base + "getReceivedEdocList", other.sign(
                "getReceivedEdocList", Instant.now(), Map.of("servicetype", "eDoc", "messagetype", "edoc")),
                "application/json", new byte[0]), HttpResponse.BodyHandlers.ofString());
        List<String> docIds = new ArrayList<>();
        for (JsonNode item : JSON.readTree(pending.body()).path("data")) {
            docIds.add(item.path("docId").asText());
        }
        int total = docIds.size() - docIds.size() % CLIENTS;
        int getBase = nextSequence();
        ConcurrentRequests.round("getEdoc", CLIENTS, total, VdxpSimulatorBench::client, n -> request(base + "getEdoc",
                other.sign("getEdoc", Instant.now(), Map.of("docid", docIds.get(n - getBase))), "application/json",
                new byte[0]), 200);
        int updateBase = nextSequence();
        ConcurrentRequests.round("updateStatus", CLIENTS, total, VdxpSimulatorBench::client, n -> request(
                base + "updateStatus", other.sign("updateStatus", Instant.now(),
                        Map.of("docid", docIds.get(n - updateBase), "status", "done")), "application/json",
                new byte[0]), 200);
    }

    /** The sequence number the next request of a round will get, so that a round indexes its own list from 0. */
    private static int nextSequence() {
        return ConcurrentRequests.peek() + 1;
    }

    private static HttpRequest request(String uri, Map<String, String> headers, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }
}

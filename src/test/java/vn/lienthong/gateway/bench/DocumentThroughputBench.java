package vn.lienthong.gateway.bench;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.gateway.document.DocumentSamples;
import vn.lienthong.gateway.signature.SamplePki;

/**
 * Prints official documents per second end to end with a signed attachment of the given size (default 1 MiB): N
 * documents posted by 8 keep-alive clients ({@code POST /api/v1/documents}: the attachment's detached CMS signature
 * verified, stored, queued), then the time until the axis simulator has received all N (edXML built, signed with the
 * gateway key, sent, its XSD and signature checked by the simulator). Everything runs in the gateway's JVM. Run by
 * {@code bench/document-figures.sh}.
 */
public final class DocumentThroughputBench {

    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 1024 * 1024;
        String base = "http://127.0.0.1:" + port;
        byte[] attachment = new byte[size];
        new Random(size).nextBytes(attachment);
        ObjectNode sample = DocumentSamples.document("0", attachment, DocumentSamples.signed(SamplePki.GOOD_RSA,
                attachment));
        String before = JSON.writeValueAsString(sample);
        int marker = before.indexOf("\"number\":\"0\"");
        String head = before.substring(0, marker + "\"number\":\"".length());
        String tail = before.substring(marker + "\"number\":\"0".length());
        String run = Long.toString(System.currentTimeMillis() % 1_000_000);
        IntFunction<HttpRequest> post = n -> HttpRequest.newBuilder(URI.create(base + "/api/v1/documents"))
                .header("Content-Type", "application/json").header("X-API-Key", "sandbox-agency-key")
                .POST(HttpRequest.BodyPublishers.ofString(head + run + "-" + n + tail)).build();
        System.out.printf("attachment %,d bytes (request body %,d bytes), %d documents, %d clients%n", size,
                before.length(), total, CLIENTS);
        int alreadyThere = received(base);

        long start = System.nanoTime();
        ConcurrentRequests.round("documents posted", CLIENTS, total, DocumentThroughputBench::client, post, 202);
        long accepted = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> received(base) >= alreadyThere + total);
        long delivered = System.nanoTime();
        System.out.printf("all %d accepted after %.1f s; all on the axis after %.1f s: %.1f documents/s end to end "
                + "(%.1f MB/s of attachments)%n", total, (accepted - start) / 1e9, (delivered - start) / 1e9,
                total / ((delivered - start) / 1e9), (double) total * size / ((delivered - start) / 1e9) / 1e6);
    }

    private static int received(String base) throws Exception {
        HttpResponse<String> answer = client().send(HttpRequest.newBuilder(URI.create(base + "/sim/vdxp/received?limit=1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(answer.body());
        return json.path("count").asInt();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }
}

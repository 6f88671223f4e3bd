package vn.lienthong.gateway.bench;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.core.ConditionTimeoutException;

import vn.lienthong.gateway.signature.SignaturePlacement;
import vn.lienthong.gateway.signature.SigningIdentity;
import vn.lienthong.gateway.signature.XmlSigner;
import vn.lienthong.gateway.vdxp.Business;
import vn.lienthong.gateway.vdxp.DocumentCode;
import vn.lienthong.gateway.vdxp.DocumentId;
import vn.lienthong.gateway.vdxp.DocumentType;
import vn.lienthong.gateway.vdxp.EdocAttachment;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdocRules;
import vn.lienthong.gateway.vdxp.EdxmlBuilder;
import vn.lienthong.gateway.vdxp.Organ;
import vn.lienthong.gateway.vdxp.OtherInfo;
import vn.lienthong.gateway.vdxp.Promulgation;
import vn.lienthong.gateway.vdxp.TraceHeader;
import vn.lienthong.gateway.vdxp.TraceInfo;
import vn.lienthong.gateway.vdxp.VdxpProperties;

/**
 * Prints incoming documents per second end to end on a running sandbox gateway: N signed edXML documents with one
 * attachment of the given size are placed in an organ's inbox on the axis simulator at once, and the clock runs until
 * the organ's local system (the local-systems simulator) holds all of them. In between the gateway polls the axis,
 * fetches each item, parses it, verifies its XML signature and chain, stores and queues it, queues the 01 back, confirms
 * it, and its workers post it to the local system as JSON. Run by {@code bench/incoming-figures.sh}.
 */
public final class IncomingThroughputBench {

    private static final String ORGAN = "000.00.17.H56";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private IncomingThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + Integer.parseInt(args[0]);
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int attachmentBytes = args.length > 2 ? Integer.parseInt(args[2]) : 1024 * 1024;
        XmlSigner signer = new XmlSigner(SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
                "sandbox".toCharArray(), null));
        EdxmlBuilder builder = new EdxmlBuilder(EdocRules.of(new VdxpProperties()));
        int first = (int) (System.currentTimeMillis() % 1_000_000) * 10;
        List<byte[]> signed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < documents; i++) {
            EdocDocument document = document(first + i, attachmentBytes);
            ids.add(document.documentId().value());
            signed.add(signer.sign(builder.toBytes(document), SignaturePlacement.EDXML_HEADER));
        }
        long edxmlBytes = signed.stream().mapToLong(b -> b.length).sum();

        long start = System.nanoTime();
        for (byte[] edxml : signed) {
            HttpResponse<String> placed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sim/vdxp/inbox/" + ORGAN))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(edxml)).build(), HttpResponse.BodyHandlers.ofString());
            if (placed.statusCode() != 200) {
                throw new IllegalStateException("placement refused: " + placed.body());
            }
        }
        double placedSeconds = (System.nanoTime() - start) / 1e9;
        AtomicInteger arrived = new AtomicInteger();
        try {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                arrived.set(arrived(base, ids));
                return arrived.get() >= documents;
            });
        } catch (ConditionTimeoutException late) {
            throw new IllegalStateException("only " + arrived.get() + " of " + documents + " arrived in 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("incoming documents, signed edXML with one %d-byte attachment (%.2f MB of edXML in all):%n",
                attachmentBytes, edxmlBytes / 1e6);
        System.out.printf("  %d placed on the axis in %.2f s; all %d at the local system %.2f s after the first "
                + "placement: %.1f documents/s, %.1f MB/s of edXML%n", documents, placedSeconds, documents, seconds,
                documents / seconds, edxmlBytes / 1e6 / seconds);
    }

    /** How many of the documents the organ's local system holds. */
    private static int arrived(String base, Set<String> ids) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sim/local/received?organId="
                + ORGAN + "&kind=DOCUMENT")).GET().build(), HttpResponse.BodyHandlers.ofString());
        int found = 0;
        for (JsonNode record : JSON.readTree(answer.body()).path("records")) {
            if (ids.contains(record.path("body").path("documentId").asText())) {
                found++;
            }
        }
        return found;
    }

    private static EdocDocument document(int number, int attachmentBytes) {
        byte[] content = new byte[attachmentBytes];
        new Random(number).nextBytes(content);
        Organ from = Organ.of("000.00.00.G22", "Văn phòng Chính phủ");
        DocumentCode code = new DocumentCode(String.valueOf(number), "VPCP-BENCH");
        LocalDate day = LocalDate.of(2024, 3, 5);
        return new EdocDocument(from, List.of(Organ.of(ORGAN, "UBND xã Hải Trường")), code,
                new Promulgation("Hà Nội", day), new DocumentType("1", "0", "Công văn"),
                "Đo thông lượng văn bản đến " + number, null, null, null, OtherInfo.ofPriority(0), List.of(), null,
                List.of(), new TraceInfo(List.of(new TraceHeader("000.00.00.G22", LocalDateTime.of(2024, 3, 5, 9, 0))),
                        Business.newDocument(DocumentId.of("000.00.00.G22", day, code), null)),
                List.of(new EdocAttachment("van-ban-" + number + ".pdf", "application/pdf", null, content)));
    }
}

package vn.lienthong.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.LocalSystemsProbe;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.VdxpSimulatorProbe;
import vn.lienthong.gateway.signature.SamplePki;

/**
 * Issue 8's round trip, over real HTTP through the axis simulator: organ A (000.00.17.H56) posts a document with a
 * signed PDF attachment to organ B (000.00.18.H56, another organ of the same gateway); B's local system receives it
 * with the attachment byte-identical and a VALID verdict; B's local system posts status 03 then 06; A's message shows
 * them, with time and staff, after the 01 the gateway sent for B when the document arrived.
 */
class DocumentRoundTripTest extends GatewayEndToEndTest {

    private static final String A = "000.00.17.H56";
    private static final String B = "000.00.18.H56";
    private static final Duration WITHIN = Duration.ofSeconds(45);

    @Autowired
    VdxpPoll poll;

    VdxpSimulatorProbe axis;
    LocalSystemsProbe local;

    @BeforeEach
    void simulators() {
        axis = new VdxpSimulatorProbe(http);
        local = new LocalSystemsProbe(http);
        axis.reset();
        local.reset();
    }

    @AfterEach
    void clearFaults() {
        axis.reset();
        local.reset();
    }

    @Test
    void documentFromOneOrganReachesAnotherAndItsStatusesComeBack() throws Exception {
        String number = DocumentSamples.nextNumber();
        byte[] pdf = signedLookingPdf();
        ObjectNode document = DocumentSamples.document(number, pdf, DocumentSamples.signed(SamplePki.GOOD_EC, pdf));
        document.putArray("to").addObject().put("organId", B).put("organName", "UBND xã Hải Định");
        String documentId = DocumentSamples.documentId(number);

        HttpResponse<String> accepted = http.postJson("/api/v1/documents", document.toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String messageId = Samples.JSON.readTree(accepted.body()).path("messageId").asText();

        JsonNode received = awaitRecords(B, "DOCUMENT", documentId, 1).get(0).path("body");
        assertThat(received.path("from").path("organId").asText()).isEqualTo(A);
        assertThat(received.path("to").get(0).path("organId").asText()).isEqualTo(B);
        assertThat(received.path("subject").asText()).isEqualTo(document.path("subject").asText());
        assertThat(received.path("attachments")).singleElement().satisfies(a -> {
            assertThat(a.path("name").asText()).isEqualTo("bao-cao.pdf");
            assertThat(a.path("computedSha256").asText()).isEqualTo(Sha256.hex(pdf));
            assertThat(a.path("sha256").asText()).isEqualTo(Sha256.hex(pdf));
        });
        assertThat(received.path("signature").path("verdict").asText()).isEqualTo("VALID");

        OffsetDateTime registered = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime done = registered.plusSeconds(1);
        postStatus(documentId, "03", "Đã tiếp nhận", registered.toString());
        postStatus(documentId, "06", "Đã xử lý xong", done.toString());

        JsonNode recipient = await("A's message shows B's statuses 01, 03, 06").atMost(WITHIN)
                .until(() -> polled(gateway.message(messageId).path("recipients").get(0)),
                        r -> r.path("statuses").size() == 3);
        assertThat(recipient.path("organId").asText()).isEqualTo(B);
        assertThat(recipient.path("statusCode").asText()).isEqualTo("06");
        JsonNode statuses = recipient.path("statuses");
        assertThat(statuses).extracting(s -> s.path("statusCode").asText()).containsExactly("01", "03", "06");
        assertThat(OffsetDateTime.parse(statuses.get(1).path("at").asText())).isEqualTo(registered);
        assertThat(statuses.get(1).path("description").asText()).isEqualTo("Đã tiếp nhận");
        assertThat(OffsetDateTime.parse(statuses.get(2).path("at").asText())).isEqualTo(done);
        assertThat(statuses.get(2).path("staff").path("name").asText()).isEqualTo("Nguyễn Thị Trâm");
        assertThat(statuses.get(2).path("staff").path("department").asText()).isEqualTo("Văn thư");

        List<JsonNode> atA = awaitRecords(A, "STATUS", documentId, 3);
        assertThat(atA).extracting(r -> r.path("body").path("statusCode").asText())
                .containsExactlyInAnyOrder("01", "03", "06");
        assertThat(atA).allSatisfy(r -> {
            assertThat(r.path("body").path("from").path("organId").asText()).isEqualTo(B);
            assertThat(r.path("body").path("signature").path("verdict").asText()).isEqualTo("VALID");
        });
    }

    private void postStatus(String documentId, String code, String description, String at) {
        ObjectNode status = Samples.JSON.createObjectNode();
        status.putObject("from").put("organId", B);
        status.put("statusCode", code).put("description", description).put("at", at);
        status.putObject("staff").put("department", "Văn thư").put("name", "Nguyễn Thị Trâm")
                .put("email", "tram@haidinh.gov.vn");
        HttpResponse<String> answer = http.postJson("/api/v1/documents/"
                + URLEncoder.encode(documentId, StandardCharsets.UTF_8) + "/status", status.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private List<JsonNode> awaitRecords(String organId, String kind, String documentId, int count) {
        return await(count + " " + kind + " record(s) at the local system of " + organId).atMost(WITHIN)
                .until(() -> polled(local.records(organId, kind, documentId)), found -> found.size() >= count);
    }

    /** What was found, asking the gateway to poll the axis again meanwhile (the test context polls only when asked). */
    private <T> T polled(T found) {
        poll.pollSoon();
        return found;
    }

    /** Bytes in the form of a PDF, signed beside it with a detached CMS signature by an agency's sample key. */
    private static byte[] signedLookingPdf() {
        byte[] body = DocumentSamples.randomBytes(40_000);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = new byte[header.length + body.length];
        System.arraycopy(header, 0, pdf, 0, header.length);
        System.arraycopy(body, 0, pdf, header.length, body.length);
        return pdf;
    }
}

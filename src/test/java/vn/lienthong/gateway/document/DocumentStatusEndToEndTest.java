package vn.lienthong.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.signature.Verdict;
import vn.lienthong.gateway.signature.XmlSignatureVerifier;
import vn.lienthong.gateway.vdxp.AxisPeer;
import vn.lienthong.gateway.vdxp.EdocStatus;
import vn.lienthong.gateway.vdxp.EdxmlParser;
import vn.lienthong.gateway.vdxp.EdxmlSchema;
import vn.lienthong.gateway.vdxp.StatusCode;
import vn.lienthong.gateway.vdxp.VdxpMessageType;
import vn.lienthong.gateway.vdxp.VdxpReceivedItem;

/**
 * A local document system reports what became of a document its organ received from another province: the gateway
 * sends each status, signed, to the document's sender through the VDXP simulator, in the order reported.
 */
class DocumentStatusEndToEndTest extends GatewayEndToEndTest {

    @Autowired
    private EdxmlSchema schema;
    @Autowired
    private EdxmlParser parser;
    @Autowired
    private XmlSignatureVerifier xmlSignatures;

    private AxisPeer otherProvince;

    @BeforeEach
    void clearTheAxis() {
        http.delete("/sim/vdxp/received");
        otherProvince = AxisPeer.otherProvince(port);
    }

    /**
     * Client reports 03 (received) then 06 (done) for a document of 000.00.00.G22; result: two signed, schema-valid
     * status messages reach the sender on the axis, 03 before 06, each naming the document.
     */
    @Test
    void sendsStatus03Then06ToTheDocumentsSender() throws Exception {
        String documentId = "000.00.00.G22,2024/03/05," + DocumentSamples.nextNumber() + "/VPCP-TTĐT";

        String received = report(documentId, "03", "2024-03-05T09:00:00+07:00");
        String done = report(documentId, "06", "2024-03-06T16:30:00+07:00");

        JsonNode first = gateway.awaitState(received, "DELIVERED");
        JsonNode second = gateway.awaitState(done, "DELIVERED");
        assertThat(first.path("kind").asText()).isEqualTo("DOCUMENT_STATUS");
        assertThat(first.path("documentId").asText()).isEqualTo(documentId);
        assertThat(first.at("/recipients/0/organId").asText()).isEqualTo(AxisPeer.ORGAN);
        assertThat(second.path("deliveredAt").asText()).isGreaterThanOrEqualTo(first.path("deliveredAt").asText());

        List<VdxpReceivedItem> waiting = otherProvince.waiting(VdxpMessageType.STATUS);
        List<EdocStatus> statuses = waiting.stream()
                .map(item -> otherProvince.client().getEdoc(item.docId()))
                .peek(edxml -> {
                    assertThat(schema.violations(new ByteArrayInputStream(edxml))).isEmpty();
                    assertThat(xmlSignatures.verify(edxml).verdict()).isEqualTo(Verdict.Status.VALID);
                })
                .map(edxml -> (EdocStatus) parser.parse(edxml))
                .filter(status -> documentId.equals(status.responseFor().documentId()))
                .toList();
        assertThat(statuses).extracting(EdocStatus::statusCode)
                .containsExactly(StatusCode.RECEIVED, StatusCode.DONE);
        assertThat(statuses.get(0).from().organId()).isEqualTo(DocumentSamples.FROM);
        assertThat(statuses.get(0).staff().name()).isEqualTo("Nguyễn Văn A");
        assertThat(statuses.get(0).timestamp()).hasToString("2024-03-05T09:00");
    }

    /** Client reports a code outside the list, or about a document id that cannot be one; result: 400 each. */
    @Test
    void refusesAnUnknownStatusCodeAndAMalformedDocumentId() throws Exception {
        String documentId = "000.00.00.G22,2024/03/05," + DocumentSamples.nextNumber() + "/VPCP";
        HttpResponse<String> badCode = post(documentId, "{\"statusCode\":\"01\",\"at\":\"2024-03-05T09:00:00+07:00\","
                + "\"from\":{\"organId\":\"000.00.17.H56\"}}");
        HttpResponse<String> badId = post("not-a-document-id", "{\"statusCode\":\"03\","
                + "\"at\":\"2024-03-05T09:00:00+07:00\",\"from\":{\"organId\":\"000.00.17.H56\"}}");

        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(badCode.body()).path("code").asText()).isEqualTo("DOCUMENT_STATUS_INVALID");
        assertThat(Samples.JSON.readTree(badCode.body()).at("/errors/0/pointer").asText()).isEqualTo("/statusCode");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(badId.body()).path("code").asText()).isEqualTo("PATH_PARAMETER_INVALID");
    }

    /** Client may act for both of the gateway's organs and names none; result: 400, asked to name the reporter. */
    @Test
    void asksWhichOrganReportsWhenTheClientActsForSeveral() throws Exception {
        HttpResponse<String> response = post("000.00.00.G22,2024/03/05,1/VPCP",
                "{\"statusCode\":\"03\",\"at\":\"2024-03-05T09:00:00+07:00\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(response.body()).at("/errors/0/pointer").asText()).isEqualTo("/from");
    }

    private String report(String documentId, String code, String at) throws Exception {
        HttpResponse<String> response = post(documentId, "{\"statusCode\":\"" + code + "\",\"description\":\"Đã xử lý\","
                + "\"staff\":{\"department\":\"Văn thư\",\"name\":\"Nguyễn Văn A\",\"email\":\"a@example.vn\"},"
                + "\"at\":\"" + at + "\",\"from\":{\"organId\":\"" + DocumentSamples.FROM + "\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = Samples.JSON.readTree(response.body());
        assertThat(answer.path("documentId").asText()).isEqualTo(documentId);
        return answer.path("messageId").asText();
    }

    private HttpResponse<String> post(String documentId, String json) {
        return http.post("/api/v1/documents/" + URLEncoder.encode(documentId, StandardCharsets.UTF_8) + "/status",
                json.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json", "X-API-Key",
                Http.AGENCY_KEY);
    }
}

package vn.lienthong.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.lienthong.gateway.TestClock;

@WebMvcTest
@ActiveProfiles("sandbox")
@TestPropertySource(properties = {
        "lienthong.schemas-dir=${user.dir}/schemas",
        "lienthong.simulator.local.max-body-size=64KB"})
class LocalSystemsSimulatorControllerTest {

    static final String ORGAN = "000.00.17.H56";
    static final byte[] PDF = "%PDF-1.7 văn bản đến".getBytes(StandardCharsets.UTF_8);

    /** Only the simulator, so that the rest of the application stays out of this test. */
    @Configuration
    @EnableConfigurationProperties(LocalSimulatorProperties.class)
    @Import({LocalSystemsSimulatorController.class, LocalMessageValidator.class})
    static class SimulatorOnly {
        @Bean
        TestClock clock() {
            return new TestClock(Instant.parse("2024-03-05T01:01:10Z"));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void resetSimulator() throws Exception {
        mvc.perform(delete("/sim/local/received"));
        mvc.perform(post("/sim/local/faults").contentType(MediaType.APPLICATION_JSON).content("{\"reset\":true}"));
    }

    @Test
    void receivesADocumentAndListsItWithItsAttachmentDigest() throws Exception {
        MockHttpServletResponse response = deliver("documents", "msg-1", document().toString());
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        JsonNode answer = json.readTree(response.getContentAsByteArray());
        assertThat(answer.path("duplicate").asBoolean()).isFalse();

        JsonNode received = received("?organId=" + ORGAN);
        assertThat(received.path("count").asInt()).isEqualTo(1);
        JsonNode record = received.path("records").get(0);
        assertThat(record.path("kind").asText()).isEqualTo("DOCUMENT");
        assertThat(record.path("idempotencyKey").asText()).isEqualTo("msg-1");
        assertThat(record.path("receiptId").asText()).isEqualTo(answer.path("receiptId").asText());
        assertThat(record.path("receivedAt").asText()).isEqualTo("2024-03-05T08:01:10+07:00");
        JsonNode attachment = record.path("body").path("attachments").get(0);
        assertThat(attachment.has("content")).isFalse();
        assertThat(attachment.path("size").asLong()).isEqualTo(PDF.length);
        assertThat(attachment.path("computedSha256").asText()).isEqualTo(VdxpTestClient.sha256(PDF));
        assertThat(record.path("body").path("signature").path("verdict").asText()).isEqualTo("VALID");
        assertThat(received("?organId=000.00.18.H56").path("count").asInt()).isZero();
    }

    @Test
    void receivesAStatusMessage() throws Exception {
        ObjectNode status = json.createObjectNode();
        status.put("documentId", ORGAN + ",2024/03/05,57/UBND-TP");
        status.put("axisDocId", "c3d4");
        status.put("receivedAt", "2024-03-05T09:00:00+07:00");
        status.putObject("from").put("organId", "000.00.00.G22").put("organName", "Văn phòng Chính phủ");
        status.put("statusCode", "03");
        status.put("description", "Đã tiếp nhận");
        status.putObject("staff").put("department", "Văn thư").put("name", "Nguyễn Thị Trâm");
        status.put("at", "2024-03-05T08:59:00+07:00");
        status.putObject("signature").put("verdict", "VALID").putNull("reason");
        assertThat(deliver("status", "msg-s", status.toString()).getStatus()).isEqualTo(200);

        status.put("statusCode", "07");
        MockHttpServletResponse bad = deliver("status", "msg-s2", status.toString());
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(json.readTree(bad.getContentAsByteArray()).path("errors").get(0).path("pointer").asText())
                .isEqualTo("/statusCode");
        assertThat(received("?kind=STATUS").path("count").asInt()).isEqualTo(1);
    }

    @Test
    void answersARepeatedKeyWithTheFirstReceiptAndCountsIt() throws Exception {
        JsonNode first = json.readTree(deliver("documents", "msg-2", document().toString()).getContentAsByteArray());
        JsonNode again = json.readTree(deliver("documents", "msg-2", document().toString()).getContentAsByteArray());
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(again.path("receiptId").asText()).isEqualTo(first.path("receiptId").asText());
        JsonNode received = received("");
        assertThat(received.path("count").asInt()).isEqualTo(1);
        assertThat(received.path("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAnAttachmentWhoseDigestIsNotItsContent() throws Exception {
        ObjectNode document = document();
        ((ObjectNode) document.path("attachments").get(0)).put("sha256", VdxpTestClient.sha256(new byte[1]));
        MockHttpServletResponse response = deliver("documents", "msg-3", document.toString());
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsByteArray()).path("errors").get(0).path("pointer").asText())
                .isEqualTo("/attachments/0/sha256");
        ((ObjectNode) document.path("attachments").get(0)).put("content", "not base64!");
        assertThat(deliver("documents", "msg-3", document.toString()).getStatus()).isEqualTo(400);
        assertThat(received("").path("count").asInt()).isZero();
    }

    @Test
    void refusesADocumentThatDoesNotMatchTheSchemaOrIsNotForThisOrgan() throws Exception {
        ObjectNode document = document();
        document.remove("signature");
        document.put("unexpected", true);
        JsonNode errors = json.readTree(deliver("documents", "msg-4", document.toString()).getContentAsByteArray()).path("errors");
        assertThat(errors.findValuesAsText("pointer")).contains("/signature", "/unexpected");

        ObjectNode elsewhere = document();
        ((ObjectNode) elsewhere.path("to").get(0)).put("organId", "000.00.18.H56");
        JsonNode wrongOrgan = json.readTree(deliver("documents", "msg-5", elsewhere.toString()).getContentAsByteArray());
        assertThat(wrongOrgan.path("errors").get(0).path("pointer").asText()).isEqualTo("/to");
    }

    @Test
    void refusesAMissingKeyAWrongMediaTypeAnOversizeBodyAndDuplicateMembers() throws Exception {
        MockHttpServletResponse noKey = mvc.perform(post("/sim/local/" + ORGAN + "/documents")
                .contentType(MediaType.APPLICATION_JSON).content(document().toString())).andReturn().getResponse();
        assertThat(noKey.getStatus()).isEqualTo(400);
        MockHttpServletResponse xml = mvc.perform(post("/sim/local/" + ORGAN + "/documents").header("Idempotency-Key", "k")
                .contentType(MediaType.APPLICATION_XML).content("<a/>")).andReturn().getResponse();
        assertThat(xml.getStatus()).isEqualTo(415);
        ObjectNode big = document();
        ((ObjectNode) big.path("attachments").get(0)).put("content", Base64.getEncoder().encodeToString(new byte[70_000]));
        assertThat(deliver("documents", "msg-6", big.toString()).getStatus()).isEqualTo(413);
        String twice = document().toString().replaceFirst("\\{", "{\"subject\":\"một\",");
        assertThat(deliver("documents", "msg-7", twice).getStatus()).isEqualTo(400);
        assertThat(received("").path("count").asInt()).isZero();
    }

    @Test
    void failsTheNextDeliveriesAsToldThenTakesThem() throws Exception {
        mvc.perform(post("/sim/local/faults").contentType(MediaType.APPLICATION_JSON)
                .content("{\"failNext\":1,\"status\":500,\"retryAfterSeconds\":1}"));
        MockHttpServletResponse failed = deliver("documents", "msg-8", document().toString());
        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(failed.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(received("").path("count").asInt()).isZero();
        assertThat(deliver("documents", "msg-8", document().toString()).getStatus()).isEqualTo(200);
        assertThat(received("").path("count").asInt()).isEqualTo(1);
    }

    private ObjectNode document() {
        ObjectNode document = json.createObjectNode();
        document.put("documentId", "000.00.00.G22,2024/03/05,57/VPCP-TTĐT");
        document.put("axisDocId", "b1e0");
        document.put("receivedAt", "2024-03-05T08:01:10+07:00");
        document.putObject("from").put("organId", "000.00.00.G22").put("organName", "Văn phòng Chính phủ");
        document.putArray("to").addObject().put("organId", ORGAN).put("organName", "UBND xã Hải Trường");
        document.putObject("code").put("number", "57").put("notation", "VPCP-TTĐT");
        document.putObject("promulgation").put("place", "Hà Nội").put("date", "2024-03-05");
        document.putObject("type").put("type", 1).put("typeDetail", 0).put("name", "Công văn");
        document.put("subject", "Về việc liên thông văn bản");
        document.put("priority", 0);
        document.putArray("attachments").addObject()
                .put("name", "cv.pdf").put("contentType", "application/pdf")
                .put("content", Base64.getEncoder().encodeToString(PDF)).put("sha256", VdxpTestClient.sha256(PDF));
        document.putObject("signature").put("verdict", "VALID").putNull("reason")
                .put("subject", "CN=SAMPLE Lien thong Gateway signing").putNull("signedAt");
        return document;
    }

    private MockHttpServletResponse deliver(String what, String key, String body) throws Exception {
        return mvc.perform(post("/sim/local/" + ORGAN + "/" + what).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    private JsonNode received(String query) throws Exception {
        return json.readTree(mvc.perform(get("/sim/local/received" + query)).andReturn().getResponse().getContentAsByteArray());
    }
}

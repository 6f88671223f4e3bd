package vn.lienthong.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.lienthong.gateway.TestClock;

@WebMvcTest
@ActiveProfiles("sandbox")
@TestPropertySource(properties = {
        "lienthong.home=${user.dir}",
        "lienthong.schemas-dir=${user.dir}/schemas",
        "lienthong.simulator.vdxp.systems[0].system-id=" + VdxpTestClient.GATEWAY,
        "lienthong.simulator.vdxp.systems[0].secret=" + VdxpTestClient.GATEWAY_SECRET,
        "lienthong.simulator.vdxp.systems[0].organ-ids=000.00.17.H56,000.00.18.H56",
        "lienthong.simulator.vdxp.systems[1].system-id=" + VdxpTestClient.OTHER,
        "lienthong.simulator.vdxp.systems[1].secret=" + VdxpTestClient.OTHER_SECRET,
        "lienthong.simulator.vdxp.systems[1].organ-ids=000.00.00.G22",
        "lienthong.simulator.vdxp.clock-skew=5m",
        "lienthong.simulator.vdxp.max-edoc-size=2MB",
        "lienthong.simulator.vdxp.max-retained-size=3MB",
        "lienthong.simulator.vdxp.trust-anchors=certs-sample/trust-anchors.pem"})
class VdxpSimulatorControllerTest {

    static final String A = "000.00.17.H56";
    static final String A2 = "000.00.18.H56";
    static final String B = "000.00.00.G22";
    static final byte[] PDF = "%PDF-1.7 công văn số 57".getBytes(StandardCharsets.UTF_8);

    /** Only the simulator, so that the rest of the application stays out of this test. */
    @Configuration
    @EnableConfigurationProperties(VdxpSimulatorProperties.class)
    @Import(VdxpSimulatorController.class)
    static class SimulatorOnly {
        @Bean
        TestClock clock() {
            return new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestClock clock;

    private final VdxpTestClient gateway = VdxpTestClient.gateway();
    private final VdxpTestClient other = VdxpTestClient.otherProvince();

    @BeforeEach
    void resetSimulator() throws Exception {
        clock.reset();
        mvc.perform(delete("/sim/vdxp/received"));
        mvc.perform(post("/sim/vdxp/faults").contentType(MediaType.APPLICATION_JSON).content("{\"reset\":true}"));
    }

    /** A sends to B; B lists, fetches and confirms; A sees B done; B's status 03 lands in A's inbox. */
    @Test
    void twoSystemsExchangeADocumentAndItsStatusThroughTheInboxes() throws Exception {
        byte[] edxml = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B), "57", "Về việc liên thông", PDF));
        JsonNode sent = ok(send(gateway, "edoc", A, "[\"" + B + "\"]", edxml));
        String senderDocId = sent.path("DocId").asText();
        assertThat(senderDocId).isNotBlank();

        JsonNode list = ok(call(other, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc")));
        assertThat(list.path("data")).hasSize(1);
        JsonNode item = list.path("data").get(0);
        assertThat(item.path("from").asText()).isEqualTo(A);
        assertThat(item.path("to").asText()).isEqualTo(B);
        assertThat(item.path("status").asText()).isEqualTo("sent");
        String docId = item.path("docId").asText();

        JsonNode fetched = ok(call(other, "getEdoc", Map.of("docid", docId)));
        assertThat(Base64.getDecoder().decode(fetched.path("data").asText())).isEqualTo(edxml);
        assertThat(sentStatus(senderDocId).path("receiveStatus").asText()).isEqualTo("received");

        ok(call(other, "updateStatus", Map.of("docid", docId, "status", "done")));
        assertThat(ok(call(other, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc")))
                .path("data")).isEmpty();
        JsonNode state = sentStatus(senderDocId);
        assertThat(state.path("toCode").asText()).isEqualTo(B);
        assertThat(state.path("receiveStatus").asText()).isEqualTo("done");
        assertThat(state.path("receiveStatusDesc").asText()).isEqualTo("Đã nhận thành công");
        assertThat(state.path("sendStatus").asText()).isEqualTo("done");
        assertThat(state.path("notation").asText()).isEqualTo("57/UBND-TP");
        assertThat(state.path("title").asText()).isEqualTo("Về việc liên thông");

        byte[] status = VdxpTestMessages.sign(VdxpTestMessages.status(B, A, A + ",2024/03/05,57/UBND-TP", "03",
                        "2024/03/05 09:00:00"), "agency-000.00.00.G22-signing.key.pem",
                List.of("agency-000.00.00.G22-signing.pem", "sample-gov-ca.pem"), signatureMethodOf("agency-000.00.00.G22-signing.key.pem"), DigestMethod.SHA256);
        ok(send(other, "status", B, "[\"" + A + "\"]", status));
        JsonNode statuses = ok(call(gateway, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "status")));
        assertThat(statuses.path("data")).hasSize(1);
        assertThat(statuses.path("data").get(0).path("from").asText()).isEqualTo(B);
        assertThat(statuses.path("data").get(0).path("to").asText()).isEqualTo(A);
        assertThat(ok(call(gateway, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc")))
                .path("data")).isEmpty();
    }

    @Test
    void documentForTwoOrgansLandsInBothInboxesWithTheirOwnStates() throws Exception {
        byte[] edxml = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B, A2), "58", "Gửi hai nơi", PDF));
        String senderDocId = ok(send(gateway, "edoc", A, "[\"" + A2 + "\",\"" + B + "\"]", edxml)).path("DocId").asText();

        JsonNode forGateway = ok(call(gateway, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc")));
        JsonNode forOther = ok(call(other, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc")));
        assertThat(forGateway.path("data")).hasSize(1);
        assertThat(forGateway.path("data").get(0).path("to").asText()).isEqualTo(A2);
        assertThat(forOther.path("data")).hasSize(1);
        assertThat(forOther.path("data").get(0).path("docId").asText())
                .isNotEqualTo(forGateway.path("data").get(0).path("docId").asText());

        String docId = forOther.path("data").get(0).path("docId").asText();
        ok(call(other, "updateStatus", Map.of("docid", docId, "status", "fail")));
        JsonNode sentList = ok(call(gateway, "getSentEdocList", Map.of("docid", senderDocId))).path("data");
        assertThat(sentList).hasSize(2);
        for (JsonNode entry : sentList) {
            assertThat(entry.path("receiveStatus").asText()).isEqualTo(entry.path("toCode").asText().equals(B) ? "fail" : "sent");
        }
    }

    @Test
    void refusesAnUnknownSystem() throws Exception {
        VdxpTestClient stranger = new VdxpTestClient("not-registered", VdxpTestClient.GATEWAY_SECRET);
        expectError(call(stranger, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc")), 401, "101");
    }

    @Test
    void refusesACallSignedWithAnotherSecret() throws Exception {
        VdxpTestClient forger = new VdxpTestClient(VdxpTestClient.GATEWAY, VdxpTestClient.OTHER_SECRET);
        expectError(call(forger, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc")), 401, "102");
    }

    @Test
    void refusesASignedHeaderReplayedOnAnotherOperation() throws Exception {
        Map<String, String> headers = gateway.sign("getEdoc", clock.instant(), Map.of("docid", "x"));
        Map<String, String> replayed = new LinkedHashMap<>(headers);
        replayed.put("status", "done");
        expectError(perform("updateStatus", replayed, null), 401, "102");
    }

    @Test
    void refusesAStaleOrFutureTimestampAndAcceptsOneWithinTheSkew() throws Exception {
        Instant now = clock.instant();
        Map<String, String> list = Map.of("servicetype", "eDoc", "messagetype", "edoc");
        expectError(perform("getReceivedEdocList", gateway.sign("getReceivedEdocList", now.minus(Duration.ofMinutes(6)), list), null), 401, "103");
        expectError(perform("getReceivedEdocList", gateway.sign("getReceivedEdocList", now.plus(Duration.ofMinutes(6)), list), null), 401, "103");
        ok(perform("getReceivedEdocList", gateway.sign("getReceivedEdocList", now.minus(Duration.ofMinutes(4)), list), null));
    }

    /** java.time's SSSS is a fraction of a second: 08:00:00.123 becomes +1230, which is not the contract's +0123. */
    @Test
    void refusesATimestampWhoseMillisecondsAreWrittenAsAFraction() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(gateway.sign("getReceivedEdocList", clock.instant(),
                Map.of("servicetype", "eDoc", "messagetype", "edoc")));
        String timestamp = headers.get("timestamp");
        headers.put("timestamp", timestamp.substring(0, timestamp.indexOf('+') + 1) + "1230");
        expectError(perform("getReceivedEdocList", headers, null), 401, "103");
    }

    @Test
    void refusesEdxmlInvalidAgainstTheSchema() throws Exception {
        byte[] edxml = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B), "59", "x".repeat(501), PDF));
        JsonNode error = expectError(send(gateway, "edoc", A, "[\"" + B + "\"]", edxml), 400, "201");
        assertThat(error.path("ErrorDesc").asText()).contains("cvc-maxLength-valid").contains("/MessageHeader/Subject")
                .doesNotContain("xxxx");
    }

    @Test
    void refusesEdxmlWithADoctypeOrExternalEntity() throws Exception {
        String xxe = VdxpTestMessages.document(A, List.of(B), "60", "&xxe;", PDF).strip()
                .replaceFirst("\\?>", "?><!DOCTYPE edXML:edXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
        byte[] body = xxe.getBytes(StandardCharsets.UTF_8);
        JsonNode error = expectError(send(gateway, "edoc", A, "[\"" + B + "\"]", body), 400, "201");
        assertThat(error.path("ErrorDesc").asText()).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void refusesEdxmlNestedDeeperThanTheBound() throws Exception {
        String deep = "<x>".repeat(100) + "</x>".repeat(100);
        String xml = VdxpTestMessages.document(A, List.of(B), "71", "Lồng sâu", PDF)
                .replace("<edXML:Subject>", "<edXML:Subject>" + deep);
        JsonNode error = expectError(send(gateway, "edoc", A, "[\"" + B + "\"]", xml.strip().getBytes(StandardCharsets.UTF_8)),
                400, "201");
        assertThat(error.path("ErrorDesc").asText()).contains("nested deeper than 64");
    }

    @Test
    void refusesABodyOverTheLimit() throws Exception {
        byte[] big = VdxpTestMessages.document(A, List.of(B), "72", "Quá lớn", new byte[1_700_000]).getBytes(StandardCharsets.UTF_8);
        expectError(send(gateway, "edoc", A, "[\"" + B + "\"]", big), 413, "204");
    }

    /** Past the retained size new messages are refused (transient), never dropped; a confirmation frees the space. */
    @Test
    void refusesNewMessagesWhileTheStoreIsFullAndTakesThemOnceConfirmed() throws Exception {
        byte[] first = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B), "73", "Một", new byte[1_200_000]));
        byte[] second = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B), "74", "Hai", new byte[1_200_000]));
        ok(send(gateway, "edoc", A, "[\"" + B + "\"]", first));
        expectError(send(gateway, "edoc", A, "[\"" + B + "\"]", second), 503, "901");
        String docId = ok(call(other, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc")))
                .path("data").get(0).path("docId").asText();
        ok(call(other, "getEdoc", Map.of("docid", docId)));
        ok(call(other, "updateStatus", Map.of("docid", docId, "status", "done")));
        ok(send(gateway, "edoc", A, "[\"" + B + "\"]", second));
    }

    @Test
    void refusesAnUnsignedDocument() throws Exception {
        byte[] edxml = VdxpTestMessages.document(A, List.of(B), "61", "Chưa ký", PDF).strip().getBytes(StandardCharsets.UTF_8);
        JsonNode error = expectError(send(gateway, "edoc", A, "[\"" + B + "\"]", edxml), 422, "202");
        assertThat(error.path("ErrorDesc").asText()).contains("no ds:Signature");
    }

    @Test
    void refusesADocumentChangedAfterItWasSigned() throws Exception {
        byte[] signed = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B), "62", "Bản gốc", PDF));
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("Bản gốc", "Bản sửa").getBytes(StandardCharsets.UTF_8);
        JsonNode error = expectError(send(gateway, "edoc", A, "[\"" + B + "\"]", tampered), 422, "202");
        assertThat(error.path("ErrorDesc").asText()).contains("changed after it was signed");
    }

    @Test
    void refusesAnAttachmentChangedAfterSigning() throws Exception {
        byte[] signed = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B), "63", "Tệp đính kèm", PDF));
        String original = Base64.getEncoder().encodeToString(PDF);
        byte[] other = PDF.clone();
        other[0] = 'X';
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace(original, Base64.getEncoder().encodeToString(other))
                .getBytes(StandardCharsets.UTF_8);
        expectError(send(gateway, "edoc", A, "[\"" + B + "\"]", tampered), 422, "202");
    }

    @Test
    void refusesASha1SignatureAndAnExpiredSigner() throws Exception {
        String xml = VdxpTestMessages.document(A, List.of(B), "64", "Thuật toán cũ", PDF);
        byte[] sha1 = VdxpTestMessages.sign(xml, "gateway-signing.key.pem", List.of("gateway-signing-chain.pem"),
                SignatureMethod.RSA_SHA1, DigestMethod.SHA1);
        expectError(send(gateway, "edoc", A, "[\"" + B + "\"]", sha1), 422, "202");
        byte[] expired = VdxpTestMessages.sign(xml, "agency-000.00.20.H56-expired.key.pem",
                List.of("agency-000.00.20.H56-expired.pem", "sample-gov-ca.pem"),
                signatureMethodOf("agency-000.00.20.H56-expired.key.pem"), DigestMethod.SHA256);
        JsonNode error = expectError(send(gateway, "edoc", A, "[\"" + B + "\"]", expired), 422, "202");
        assertThat(error.path("ErrorDesc").asText()).contains("trust anchors");
    }

    @Test
    void refusesHeadersThatDisagreeWithTheEdxml() throws Exception {
        byte[] edxml = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B), "65", "Sai người nhận", PDF));
        expectError(send(gateway, "edoc", A, "[\"" + A2 + "\"]", edxml), 400, "203");
        expectError(send(gateway, "edoc", A2, "[\"" + B + "\"]", edxml), 400, "203");
        expectError(send(gateway, "status", A, "[\"" + B + "\"]", edxml), 400, "203");
    }

    @Test
    void refusesASenderOrganOfAnotherSystemAndBadHeaders() throws Exception {
        byte[] edxml = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(B, List.of(A), "66", "Mạo danh", PDF));
        expectError(send(gateway, "edoc", B, "[\"" + A + "\"]", edxml), 403, "105");
        expectError(send(gateway, "edoc", A, "\"" + B + "\"", edxml), 400, "104");
        expectError(send(gateway, "edoc", A, "[\"" + B + "\",\"" + B + "\"]", edxml), 400, "104");
        expectError(call(gateway, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "letter")), 400, "104");
        expectError(call(gateway, "updateStatus", Map.of("docid", "x", "status", "ok")), 400, "104");
    }

    @Test
    void refusesABodyThatIsNotTheOneHashed() throws Exception {
        byte[] edxml = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B), "67", "Thân khác", PDF));
        Map<String, String> headers = gateway.sendEdoc(clock.instant(), "edoc", A, "[\"" + B + "\"]", edxml);
        byte[] other = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B), "68", "Thân khác", PDF));
        expectError(perform("sendEdoc", headers, other), 400, "106");
    }

    @Test
    void takesARepeatedSendOnceAndCountsIt() throws Exception {
        byte[] edxml = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B), "69", "Gửi lại", PDF));
        String first = ok(send(gateway, "edoc", A, "[\"" + B + "\"]", edxml)).path("DocId").asText();
        clock.advance(Duration.ofSeconds(30));
        JsonNode again = ok(send(gateway, "edoc", A, "[\"" + B + "\"]", edxml));
        assertThat(again.path("DocId").asText()).isEqualTo(first);
        assertThat(again.path("ErrorDesc").asText()).startsWith("Trùng lặp");
        assertThat(ok(call(other, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc"))).path("data")).hasSize(1);
        JsonNode received = json.readTree(mvc.perform(get("/sim/vdxp/received")).andReturn().getResponse().getContentAsByteArray());
        assertThat(received.path("duplicates").asInt()).isEqualTo(1);
        assertThat(received.path("count").asInt()).isEqualTo(1);
    }

    @Test
    void confirmsOnlyWhatWasFetchedAndOnlyForTheAddressee() throws Exception {
        byte[] edxml = VdxpTestMessages.signedByGateway(VdxpTestMessages.document(A, List.of(B), "70", "Xác nhận", PDF));
        ok(send(gateway, "edoc", A, "[\"" + B + "\"]", edxml));
        String docId = ok(call(other, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc")))
                .path("data").get(0).path("docId").asText();
        expectError(call(other, "updateStatus", Map.of("docid", docId, "status", "done")), 409, "302");
        expectError(call(gateway, "getEdoc", Map.of("docid", docId)), 404, "301");
        expectError(call(other, "getEdoc", Map.of("docid", "00000000-0000-0000-0000-000000000000")), 404, "301");
        ok(call(other, "getEdoc", Map.of("docid", docId)));
        ok(call(other, "updateStatus", Map.of("docid", docId, "status", "done")));
        ok(call(other, "updateStatus", Map.of("docid", docId, "status", "done")));
        expectError(call(other, "updateStatus", Map.of("docid", docId, "status", "fail")), 409, "302");
    }

    @Test
    void failsTheNextCallsAsToldThenServesAgain() throws Exception {
        mvc.perform(post("/sim/vdxp/faults").contentType(MediaType.APPLICATION_JSON)
                .content("{\"failNext\":2,\"status\":503,\"retryAfterSeconds\":2}"));
        Map<String, String> list = Map.of("servicetype", "eDoc", "messagetype", "edoc");
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse failed = call(gateway, "getReceivedEdocList", list);
            assertThat(failed.getStatus()).isEqualTo(503);
            assertThat(failed.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            assertThat(json.readTree(failed.getContentAsByteArray()).path("ErrorCode").asText()).isEqualTo("900");
        }
        ok(call(gateway, "getReceivedEdocList", list));
    }

    /** A field sample (unsigned as far as XML-DSig goes, dd/MM/yyyy dates) placed by hand for the gateway to judge. */
    @Test
    void placesAFieldSampleInAnInboxWithoutRequiringASignature() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("samples/edxml/edoc_new.edxml"));
        MockHttpServletResponse placed = mvc.perform(post("/sim/vdxp/inbox/" + A).content(sample)).andReturn().getResponse();
        JsonNode answer = ok(placed);
        assertThat(answer.path("signature").asText()).isEqualTo("NOT_VALID");
        JsonNode list = ok(call(gateway, "getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", "edoc")));
        assertThat(list.path("data")).hasSize(1);
        assertThat(list.path("data").get(0).path("docId").asText()).isEqualTo(answer.path("receiverDocId").asText());
        assertThat(list.path("data").get(0).path("from").asText()).isEqualTo("000.00.11.H53");
        JsonNode fetched = ok(call(gateway, "getEdoc", Map.of("docid", answer.path("receiverDocId").asText())));
        assertThat(Base64.getDecoder().decode(fetched.path("data").asText())).isEqualTo(sample);

        assertThat(mvc.perform(post("/sim/vdxp/inbox/not-an-organ").content(sample)).andReturn().getResponse().getStatus())
                .isEqualTo(400);
        assertThat(mvc.perform(post("/sim/vdxp/inbox/" + A).content("<a/>")).andReturn().getResponse().getStatus())
                .isEqualTo(400);
    }

    private static String signatureMethodOf(String keyFile) throws Exception {
        return VdxpTestMessages.key(keyFile).getAlgorithm().startsWith("EC") ? SignatureMethod.ECDSA_SHA256
                : SignatureMethod.RSA_SHA256;
    }

    private JsonNode sentStatus(String senderDocId) throws Exception {
        JsonNode data = ok(call(gateway, "getSentEdocList", Map.of("docid", senderDocId))).path("data");
        assertThat(data).hasSize(1);
        return data.get(0);
    }

    private MockHttpServletResponse send(VdxpTestClient client, String type, String from, String to, byte[] edxml)
            throws Exception {
        return perform("sendEdoc", client.sendEdoc(clock.instant(), type, from, to, edxml), edxml);
    }

    private MockHttpServletResponse call(VdxpTestClient client, String operation, Map<String, String> parameters)
            throws Exception {
        return perform(operation, client.sign(operation, clock.instant(), parameters), null);
    }

    private MockHttpServletResponse perform(String operation, Map<String, String> headers, byte[] body) throws Exception {
        MockHttpServletRequestBuilder request = post("/sim/vdxp/" + operation);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_OCTET_STREAM).content(body);
        } else {
            request.contentType(MediaType.APPLICATION_JSON);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode ok(MockHttpServletResponse response) throws Exception {
        JsonNode answer = json.readTree(response.getContentAsByteArray());
        assertThat(response.getStatus()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.path("status").asText()).isEqualTo("OK");
        assertThat(answer.path("ErrorCode").asText()).isEqualTo("0");
        return answer;
    }

    private JsonNode expectError(MockHttpServletResponse response, int status, String errorCode) throws Exception {
        JsonNode answer = json.readTree(response.getContentAsByteArray());
        assertThat(response.getStatus()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.path("status").asText()).isEqualTo("FAIL");
        assertThat(answer.path("ErrorCode").asText()).as(answer.toString()).isEqualTo(errorCode);
        return answer;
    }
}

package vn.lienthong.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.lienthong.gateway.GatewayIntegrationTest;
import vn.lienthong.gateway.Http;

/**
 * The sandbox as shipped, over real HTTP: the gateway's system (lienthong.vdxp.system-id and secret of
 * application-sandbox.yaml) and the other province's system exchange a document through /sim/vdxp.
 */
@GatewayIntegrationTest
class VdxpSandboxExchangeTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void theSandboxGatewaySystemSendsADocumentThatTheOtherProvinceReceives() throws Exception {
        Http http = new Http(port);
        byte[] pdf = "%PDF-1.7 sandbox".getBytes(StandardCharsets.UTF_8);
        String number = String.valueOf(System.nanoTime() % 1_000_000);
        byte[] edxml = VdxpTestMessages.signedByGateway(VdxpTestMessages.document("000.00.17.H56",
                List.of("000.00.00.G22"), number, "Liên thông qua trục", pdf));
        Map<String, String> headers = VdxpTestClient.gateway().sendEdoc(Instant.now(), "edoc", "000.00.17.H56",
                "[\"000.00.00.G22\"]", edxml);
        JsonNode sent = answer(http.post("/sim/vdxp/sendEdoc", edxml, with(headers, "application/octet-stream")));
        String senderDocId = sent.path("DocId").asText();

        VdxpTestClient other = VdxpTestClient.otherProvince();
        JsonNode list = answer(http.post("/sim/vdxp/getReceivedEdocList", new byte[0], with(other.sign(
                "getReceivedEdocList", Instant.now(), Map.of("servicetype", "eDoc", "messagetype", "edoc")), "application/json")));
        String docId = null;
        for (JsonNode item : list.path("data")) {
            if (item.path("from").asText().equals("000.00.17.H56")) {
                docId = item.path("docId").asText();
            }
        }
        assertThat(docId).isNotNull();
        JsonNode fetched = answer(http.post("/sim/vdxp/getEdoc", new byte[0],
                with(other.sign("getEdoc", Instant.now(), Map.of("docid", docId)), "application/json")));
        assertThat(Base64.getDecoder().decode(fetched.path("data").asText())).isEqualTo(edxml);
        answer(http.post("/sim/vdxp/updateStatus", new byte[0], with(other.sign("updateStatus", Instant.now(),
                Map.of("docid", docId, "status", "done")), "application/json")));

        JsonNode state = answer(http.post("/sim/vdxp/getSentEdocList", new byte[0], with(VdxpTestClient.gateway()
                .sign("getSentEdocList", Instant.now(), Map.of("docid", senderDocId)), "application/json")));
        assertThat(state.path("data").get(0).path("receiveStatus").asText()).isEqualTo("done");
    }

    private JsonNode answer(HttpResponse<String> response) throws Exception {
        JsonNode answer = json.readTree(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(answer.path("ErrorCode").asText()).isEqualTo("0");
        return answer;
    }

    private static String[] with(Map<String, String> headers, String contentType) {
        List<String> flat = new ArrayList<>();
        headers.forEach((name, value) -> {
            flat.add(name);
            flat.add(value);
        });
        flat.add("Content-Type");
        flat.add(contentType);
        return flat.toArray(String[]::new);
    }
}

package vn.lienthong.gateway.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.signature.PayloadSignature;
import vn.lienthong.gateway.signature.PayloadSigner;
import vn.lienthong.gateway.signature.SigningIdentity;

/**
 * With {@code lienthong.dvcqg.payload-signature=cms-detached}, a dossier posted over real HTTP reaches a DVCQG
 * simulator that accepts signed requests only, which checked the signature itself; an unsigned request, or one whose
 * signature is of another body, is refused with 400 and the reason.
 */
@TestPropertySource(properties = {
        "lienthong.dvcqg.payload-signature=cms-detached",
        "lienthong.simulator.dvcqg.require-payload-signature=true"})
class DvcqgPayloadSignatureEndToEndTest extends GatewayEndToEndTest {

    private static final String GATEWAY_SUBJECT =
            "C=VN,O=SAMPLE Lien thong Gateway,CN=SAMPLE Lien thong Gateway signing";

    @Test
    void signedDossierIsDeliveredAndTheSimulatorNamesTheGatewayAsItsSigner() {
        ObjectNode dossier = Samples.freshDossier();

        String messageId = gateway.accept(dossier);

        gateway.awaitState(messageId, "DELIVERED");
        List<JsonNode> received = simulator.recordsFor(dossier.path("dossierCode").asText());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("payloadSigners")).extracting(JsonNode::asText)
                .containsExactly(GATEWAY_SUBJECT);
    }

    @Test
    void unsignedRequestIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> reply = http.post("/sim/dvcqg/service", serviceBody(login()), "Content-Type",
                "application/json");

        assertThat(reply.statusCode()).isEqualTo(400);
        JsonNode answer = Samples.JSON.readTree(reply.body());
        assertThat(answer.path("error_code").asText()).isEqualTo("-4");
        assertThat(answer.path("errors").get(0).path("message").asText())
                .isEqualTo("X-Payload-Signature is required: this platform accepts signed requests only");
    }

    @Test
    void signatureOfAnotherBodyIsRefusedWithTheReason() throws Exception {
        String session = login();
        byte[] body = serviceBody(session);
        PayloadSigner signer = new PayloadSigner(SigningIdentity.fromPkcs12(
                Path.of("certs-sample/gateway-signing.p12"), "sandbox".toCharArray(), null));
        String signature = signer.headers(PayloadSignature.CMS_DETACHED, body).get(PayloadSigner.HEADER);
        byte[] changed = new String(body, StandardCharsets.UTF_8).replace("\"TrangThaiHoSo\":\"2\"",
                "\"TrangThaiHoSo\":\"9\"").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> reply = http.post("/sim/dvcqg/service", changed, "Content-Type", "application/json",
                PayloadSigner.HEADER, signature);

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(reply.body()).path("errors").get(0).path("message").asText())
                .isEqualTo("X-Payload-Signature does not match the request body (message digest differs)");
    }

    private String login() throws Exception {
        HttpResponse<String> reply = http.post("/sim/dvcqg/login",
                "{\"username\":\"sandbox-dvcqg\",\"password\":\"sandbox-dvcqg-secret\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        return Samples.JSON.readTree(reply.body()).path("session").asText();
    }

    private static byte[] serviceBody(String session) throws Exception {
        ObjectNode request = Samples.JSON.createObjectNode();
        request.put("session", session).put("madonvi", "000.00.00.H56").put("service", "DongBoHoSoMC")
                .put("isUpdating", false);
        request.putArray("data").addObject().put("MaHoSo", Samples.nextDossierCode()).put("TrangThaiHoSo", "2");
        return Samples.JSON.writeValueAsBytes(request);
    }
}

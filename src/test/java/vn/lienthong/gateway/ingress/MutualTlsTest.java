package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Https;
import vn.lienthong.gateway.Samples;

/**
 * On the mTLS port the client certificate alone identifies the client: a valid agency certificate of a configured
 * organ code submits with that client's rights, every other certificate (or none) is answered 401 with the reason
 * and recorded as REJECTED with the remote address, and an API key there counts for nothing; SOAP works the same.
 */
class MutualTlsTest extends GatewayEndToEndTest {

    private static final String HAI_TRUONG = "agency-000.00.17.H56-client";

    @Autowired
    private MtlsConnector mtls;

    @Test
    void aValidAgencyCertificateSubmitsADossierThatReachesThePlatform() throws Exception {
        ObjectNode dossier = Samples.freshDossier();

        HttpResponse<String> answer = submit(Https.withSampleKeystore(mtls.port(), HAI_TRUONG), dossier);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        String dossierCode = dossier.path("dossierCode").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.recordsFor(dossierCode), r -> r.size() == 1);
        assertThat(jdbc.queryForObject("SELECT client_id FROM message WHERE dossier_code = ?", String.class,
                dossierCode)).isEqualTo("sandbox-agency");
    }

    @Test
    void refusesARequestWithoutAClientCertificateAndRecordsTheRemoteAddress() throws Exception {
        long messages = count("message");

        HttpResponse<String> answer = submit(Https.withoutCertificate(mtls.port()), Samples.freshDossier());

        assertProblem(answer, "CLIENT_CERTIFICATE_REQUIRED");
        assertThat(count("message")).isEqualTo(messages);
        assertThat(lastRejection("CLIENT_CERTIFICATE_REQUIRED"))
                .containsEntry("REMOTE_ADDRESS", "127.0.0.1").containsEntry("CLIENT_ID", null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "revoked, CERT_REVOKED",
            "expired, CERT_EXPIRED",
            "weak RSA-1024 key, WEAK_KEY",
            "issued by an untrusted CA, CHAIN_UNTRUSTED"})
    void refusesAnInvalidCertificateWithTheReason(String what, String reason) throws Exception {
        Https client = switch (what) {
            case "revoked" -> Https.withSampleKeystore(mtls.port(), "agency-000.00.19.H56-revoked");
            case "expired" -> Https.withSampleKeystore(mtls.port(), "agency-000.00.20.H56-expired");
            case "weak RSA-1024 key" -> Https.withSamplePem(mtls.port(), "agency-000.00.21.H56-weak-rsa1024");
            default -> Https.withUntrustedCertificate(mtls.port(), "000.00.17.H56");
        };
        long messages = count("message");

        HttpResponse<String> answer = submit(client, Samples.freshDossier());

        JsonNode problem = assertProblem(answer, "CLIENT_CERTIFICATE_INVALID");
        assertThat(problem.path("detail").asText()).contains("(" + reason + ")");
        assertThat(count("message")).isEqualTo(messages);
        assertThat(lastRejection("CLIENT_CERTIFICATE_INVALID")).containsEntry("REMOTE_ADDRESS", "127.0.0.1")
                .hasEntrySatisfying("DETAIL", detail -> assertThat((String) detail).contains(reason));
    }

    @Test
    void refusesAValidCertificateOfAnOrganCodeNoClientHas() throws Exception {
        HttpResponse<String> answer = submit(Https.withSampleKeystore(mtls.port(), "agency-000.00.00.G22-client"),
                Samples.freshDossier());

        JsonNode problem = assertProblem(answer, "CLIENT_CERTIFICATE_UNKNOWN");
        assertThat(problem.path("detail").asText()).contains("000.00.00.G22");
        assertThat(lastRejection("CLIENT_CERTIFICATE_UNKNOWN")).containsEntry("REMOTE_ADDRESS", "127.0.0.1");
    }

    @Test
    void appliesTheClientsAccessRightsToACertificateIdentity() throws Exception {
        ObjectNode otherProvince = Samples.freshDossier();
        otherProvince.put("agencyCode", "000.00.00.G22");
        otherProvince.put("dossierCode", otherProvince.path("dossierCode").asText().replace("000.00.17.H56",
                "000.00.00.G22"));

        HttpResponse<String> answer = submit(Https.withSampleKeystore(mtls.port(), HAI_TRUONG), otherProvince);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(Samples.JSON.readTree(answer.body()).path("code").asText()).isEqualTo("AGENCY_NOT_ALLOWED");
        assertThat(lastRejection("AGENCY_NOT_ALLOWED")).containsEntry("CLIENT_ID", "sandbox-agency");
    }

    @Test
    void doesNotTakeAnApiKeyAsIdentityOnTheMtlsPort() throws Exception {
        HttpResponse<String> answer = Https.withoutCertificate(mtls.port()).post("/api/v1/dossiers",
                Samples.JSON.writeValueAsBytes(Samples.freshDossier()), "Content-Type", "application/json",
                "X-API-Key", Http.AGENCY_KEY);

        assertProblem(answer, "CLIENT_CERTIFICATE_REQUIRED");
    }

    @Test
    void doesNotTakeACertificateOnThePlainPort() throws Exception {
        HttpResponse<String> answer = http.post("/api/v1/dossiers",
                Samples.JSON.writeValueAsBytes(Samples.freshDossier()), "Content-Type", "application/json");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(Samples.JSON.readTree(answer.body()).path("code").asText()).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    @Test
    void soapOverMtlsIdentifiesTheClientByItsCertificate() throws Exception {
        String messageId = Samples.JSON.readTree(submit(Https.withSampleKeystore(mtls.port(), HAI_TRUONG),
                Samples.freshDossier()).body()).path("messageId").asText();
        String query = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:g=\"https://lienthong.vn/soap/gateway/v1\"><soap:Body><g:GetMessageStatus><g:messageId>"
                + messageId + "</g:messageId></g:GetMessageStatus></soap:Body></soap:Envelope>";

        HttpResponse<String> answer = Https.withSampleKeystore(mtls.port(), HAI_TRUONG).post("/soap/gateway",
                query.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/xml; charset=utf-8");
        HttpResponse<String> anonymous = Https.withoutCertificate(mtls.port()).post("/soap/gateway",
                query.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/xml; charset=utf-8",
                "X-API-Key", Http.AGENCY_KEY);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains(messageId).contains("DOSSIER");
        assertThat(anonymous.statusCode()).isEqualTo(500);
        assertThat(anonymous.body()).contains("CLIENT_CERTIFICATE_REQUIRED");
    }

    private static HttpResponse<String> submit(Https client, ObjectNode dossier) throws Exception {
        return client.post("/api/v1/dossiers", Samples.JSON.writeValueAsBytes(dossier),
                "Content-Type", "application/json");
    }

    private static JsonNode assertProblem(HttpResponse<String> answer, String code) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Samples.JSON.readTree(answer.body());
        assertThat(problem.path("code").asText()).isEqualTo(code);
        return problem;
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private Map<String, Object> lastRejection(String reasonCode) {
        return jdbc.queryForMap("""
                SELECT client_id, remote_address, detail FROM message_event
                WHERE event = 'REJECTED' AND reason_code = ? ORDER BY seq DESC LIMIT 1""", reasonCode);
    }
}

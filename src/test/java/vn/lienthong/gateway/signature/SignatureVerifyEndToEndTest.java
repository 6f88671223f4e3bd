package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.Sha256;

/**
 * {@code POST /api/v1/signatures/verify} over real HTTP: agency systems get the verdict of each signature in the
 * shape of DESIGN §6.6, bad requests get 400 with where, and each verification is in the message log.
 */
class SignatureVerifyEndToEndTest extends GatewayEndToEndTest {

    private static final String PATH = "/api/v1/signatures/verify";

    @Test
    void validDetachedSignatureIsAnsweredValidAndRecorded() throws Exception {
        byte[] content = unique("Công văn 57/UBND-TP");
        byte[] signature = SamplePki.signer(SamplePki.GOOD_EC).detached(content);

        HttpResponse<String> response = post(request("CMS_DETACHED", content, signature));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = Samples.JSON.readTree(response.body());
        assertThat(answer.path("verdict").asText()).isEqualTo("VALID");
        assertThat(answer.path("reason").isNull()).isTrue();
        JsonNode one = answer.path("signatures").get(0);
        assertThat(answer.path("signatures")).hasSize(1);
        assertThat(one.path("verdict").asText()).isEqualTo("VALID");
        assertThat(one.path("reason").isNull()).isTrue();
        assertThat(one.path("subject").asText()).isEqualTo("CN=SAMPLE UBND xa Hai Truong,OU=000.00.17.H56,O=SAMPLE,C=VN");
        assertThat(one.path("organId").asText()).isEqualTo("000.00.17.H56");
        assertThat(one.path("serial").asText()).matches("[0-9A-F]+");
        assertThat(one.path("issuer").asText()).isEqualTo("CN=SAMPLE Government CA,O=SAMPLE Government,C=VN");
        assertThat(one.path("chain")).hasSize(3);
        assertThat(one.path("signedAt").asText()).endsWith("Z");
        assertThat(one.path("algorithm").asText()).isEqualTo("SHA256withECDSA");
        assertThat(logged(content)).containsEntry("client_id", "sandbox-agency").containsEntry("reason_code", "VALID")
                .containsEntry("channel", "REST");
    }

    @Test
    void revokedEnvelopingSignatureIsAnsweredInvalidWithItsReasonAndRecorded() throws Exception {
        byte[] content = unique("Quyết định");
        byte[] p7m = SamplePki.signer(SamplePki.REVOKED).enveloping(content);

        HttpResponse<String> response = post(request("CMS_ENVELOPING", p7m, null));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = Samples.JSON.readTree(response.body());
        assertThat(answer.path("verdict").asText()).isEqualTo("INVALID");
        assertThat(answer.path("reason").asText()).isEqualTo("CERT_REVOKED");
        assertThat(answer.path("signatures").get(0).path("organId").asText()).isEqualTo("000.00.19.H56");
        Map<String, Object> entry = logged(p7m);
        assertThat(entry).containsEntry("reason_code", "INVALID:CERT_REVOKED");
        assertThat((String) entry.get("detail")).startsWith("CMS_ENVELOPING INVALID:CERT_REVOKED: ")
                .contains("OU=000.00.19.H56");
    }

    @Test
    void unreadableSignatureIsAnsweredInvalidMalformedWithNoSignatures() throws Exception {
        byte[] content = unique("Tờ trình");

        HttpResponse<String> response = post(request("CMS_DETACHED", content, "garbage".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = Samples.JSON.readTree(response.body());
        assertThat(answer.path("verdict").asText()).isEqualTo("INVALID");
        assertThat(answer.path("reason").asText()).isEqualTo("MALFORMED");
        assertThat(answer.path("signatures")).isEmpty();
        assertThat(logged(content)).containsEntry("reason_code", "INVALID:MALFORMED");
    }

    @Test
    void signedEdxmlIsAnsweredWithTheVerdictOfItsXmlSignature() throws Exception {
        byte[] edxml = XmlTestSigner.of(SamplePki.GOOD_RSA).sign(XmlTestSigner.EDXML.replace("57/UBND-TP",
                "57/UBND-TP-" + java.util.UUID.randomUUID()));
        byte[] tampered = new String(edxml, StandardCharsets.UTF_8).replace("liên thông", "liên thông (sửa)")
                .getBytes(StandardCharsets.UTF_8);

        JsonNode valid = Samples.JSON.readTree(post(request("XMLDSIG", edxml, null)).body());
        JsonNode invalid = Samples.JSON.readTree(post(request("XMLDSIG", tampered, null)).body());

        assertThat(valid.path("verdict").asText()).isEqualTo("VALID");
        assertThat(valid.path("signatures").get(0).path("organId").asText()).isEqualTo("000.00.18.H56");
        assertThat(valid.path("signatures").get(0).path("signedAt").isNull()).isTrue();
        assertThat(invalid.path("reason").asText()).isEqualTo("DIGEST_MISMATCH");
        assertThat(logged(edxml)).containsEntry("reason_code", "VALID");
        assertThat((String) logged(tampered).get("detail")).startsWith("XMLDSIG INVALID:DIGEST_MISMATCH");
    }

    @Test
    void documentLargerThanTheJsonStringLimitOfDossiersIsVerified() throws Exception {
        byte[] content = new byte[1_500_000];
        new java.util.Random(5).nextBytes(content);

        HttpResponse<String> response = post(request("CMS_DETACHED", content,
                SamplePki.signer(SamplePki.GOOD_RSA).detached(content)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Samples.JSON.readTree(response.body()).path("verdict").asText()).isEqualTo("VALID");
    }

    @Test
    void invalidRequestIsRefusedWith400NamingEachProblemAndRecorded() throws Exception {
        ObjectNode body = Samples.JSON.createObjectNode();
        body.put("format", "CMS_DETACHED");
        body.put("content", "not base64 ***");
        body.put("extra", 1);

        HttpResponse<String> response = post(body.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Samples.JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("SIGNATURE_REQUEST_INVALID");
        assertThat(problem.path("errors")).extracting(e -> e.path("pointer").asText())
                .containsExactlyInAnyOrder("/extra", "/content", "/signature");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_event WHERE event = 'REJECTED' AND reason_code = ?",
                Integer.class, "SIGNATURE_REQUEST_INVALID")).isPositive();
    }

    @Test
    void signatureBesideAWholeSignedObjectOrAnUnknownFormatIsRefused() throws Exception {
        ObjectNode enveloping = request("CMS_ENVELOPING", unique("x"), unique("y"));
        ObjectNode pdf = request("PDF", unique("%PDF-1.7"), unique("y"));
        ObjectNode unknown = request("CMS_DETACHED", unique("x"), unique("y"));
        unknown.put("format", "PKCS1");

        assertThat(pointers(post(enveloping))).containsExactly("/signature");
        assertThat(pointers(post(pdf))).containsExactly("/signature");
        assertThat(pointers(post(unknown))).containsExactly("/format");
    }

    @Test
    void signedPdfIsAnsweredWithTheVerdictOfEachSignatureAndRecorded() throws Exception {
        byte[] twice = PdfTestSigner.of(SamplePki.GOOD_RSA).sign(PdfTestSigner.of(SamplePki.GOOD_EC)
                .sign(PdfTestSigner.document(30_000)));

        HttpResponse<String> response = post(request("PDF", twice, null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = Samples.JSON.readTree(response.body());
        assertThat(answer.path("verdict").asText()).isEqualTo("VALID");
        assertThat(answer.path("signatures")).extracting(s -> s.path("organId").asText())
                .containsExactly("000.00.17.H56", "000.00.18.H56");
        assertThat(answer.path("signatures")).allSatisfy(s -> {
            assertThat(s.path("verdict").asText()).isEqualTo("VALID");
            assertThat(s.path("chain")).hasSize(3);
            assertThat(s.path("signedAt").asText()).endsWith("Z");
        });
        Map<String, Object> entry = logged(twice);
        assertThat(entry).containsEntry("reason_code", "VALID").containsEntry("channel", "REST");
        assertThat((String) entry.get("detail")).startsWith("PDF VALID [VALID CN=SAMPLE UBND xa Hai Truong");
    }

    @Test
    void pdfChangedAfterSigningIsAnsweredInvalidWithModifiedAfterSigningAndRecorded() throws Exception {
        byte[] forged = PdfTestSigner.update(PdfTestSigner.of(SamplePki.GOOD_RSA).sign(PdfTestSigner.document(30_000)),
                PdfTestSigner::addTextToFirstPage);

        HttpResponse<String> response = post(request("PDF", forged, null));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = Samples.JSON.readTree(response.body());
        assertThat(answer.path("verdict").asText()).isEqualTo("INVALID");
        assertThat(answer.path("reason").asText()).isEqualTo("MODIFIED_AFTER_SIGNING");
        assertThat(answer.path("signatures").get(0).path("organId").asText()).isEqualTo("000.00.18.H56");
        assertThat((String) logged(forged).get("detail"))
                .startsWith("PDF INVALID:MODIFIED_AFTER_SIGNING: after the signed revision");
    }

    @Test
    void unreadablePdfIsAnsweredInvalidMalformed() throws Exception {
        byte[] truncated = unique("%PDF-1.7\n1 0 obj << /Type /Catalog");

        JsonNode answer = Samples.JSON.readTree(post(request("PDF", truncated, null)).body());

        assertThat(answer.path("verdict").asText()).isEqualTo("INVALID");
        assertThat(answer.path("reason").asText()).isEqualTo("MALFORMED");
        assertThat(answer.path("signatures")).isEmpty();
        assertThat(logged(truncated)).containsEntry("reason_code", "INVALID:MALFORMED");
    }

    @Test
    void onlyAuthenticatedAgencySystemsMayVerify() throws Exception {
        byte[] body = request("CMS_ENVELOPING", unique("x"), null).toString().getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> anonymous = http.post(PATH, body, "Content-Type", "application/json");
        HttpResponse<String> admin = http.post(PATH, body, "Content-Type", "application/json",
                "X-API-Key", Http.ADMIN_KEY);
        HttpResponse<String> text = http.post(PATH, body, "Content-Type", "text/plain", "X-API-Key", Http.AGENCY_KEY);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(text.statusCode()).isEqualTo(415);
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) 'A');

        HttpResponse<String> response = http.post(PATH, body, "Content-Type", "application/json",
                "X-API-Key", Http.AGENCY_KEY);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Samples.JSON.readTree(response.body()).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    private HttpResponse<String> post(ObjectNode request) {
        return post(request.toString());
    }

    private HttpResponse<String> post(String json) {
        return http.post(PATH, json.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                "X-API-Key", Http.AGENCY_KEY);
    }

    private static ObjectNode request(String format, byte[] content, byte[] signature) {
        ObjectNode body = Samples.JSON.createObjectNode();
        body.put("format", format);
        body.put("content", Base64.getEncoder().encodeToString(content));
        if (signature != null) {
            body.put("signature", Base64.getMimeEncoder().encodeToString(signature));
        }
        return body;
    }

    private static java.util.List<String> pointers(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = Samples.JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("SIGNATURE_REQUEST_INVALID");
        return java.util.stream.StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(e -> e.path("pointer").asText()).toList();
    }

    private Map<String, Object> logged(byte[] content) {
        return jdbc.queryForMap("""
                SELECT client_id, channel, reason_code, detail FROM message_event
                WHERE event = 'SIGNATURE_VERIFIED' AND payload_sha256 = ?""", Sha256.hex(content));
    }

    private static byte[] unique(String text) {
        return (text + " " + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }
}

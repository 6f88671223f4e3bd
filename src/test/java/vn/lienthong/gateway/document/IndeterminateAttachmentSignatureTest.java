package vn.lienthong.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.signature.SamplePki;

/**
 * The gateway knows no CRL of the sample government CA, so the revocation of an agency's signing certificate cannot be
 * decided: the attachment's verdict is INDETERMINATE, and {@code lienthong.documents.indeterminate-signature} says
 * whether its document is refused for now or accepted, flagged.
 */
@TestPropertySource(properties = "lienthong.trust.crls=certs-sample/root-ca.crl.pem")
class IndeterminateAttachmentSignatureTest extends GatewayEndToEndTest {

    @Autowired
    private DocumentProperties settings;

    @AfterEach
    void restoreThePolicy() {
        settings.setIndeterminateSignature(DocumentProperties.IndeterminatePolicy.REFUSE);
    }

    /** Policy REFUSE; result: 503 SIGNATURE_INDETERMINATE with Retry-After, REJECTED in the log, nothing stored. */
    @Test
    void refusesForNowADocumentWhoseSignatureCannotBeDecided() throws Exception {
        ObjectNode document = signedDocument();
        byte[] body = Samples.JSON.writeValueAsBytes(document);

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("300");
        JsonNode problem = Samples.JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("SIGNATURE_INDETERMINATE");
        assertThat(problem.at("/errors/0/pointer").asText()).isEqualTo("/attachments/0/signature");
        assertThat(problem.at("/errors/0/code").asText()).isEqualTo("REVOCATION_UNKNOWN");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM message_event WHERE event = 'REJECTED' AND reason_code = ? AND payload_sha256 = ?""",
                Integer.class, "SIGNATURE_INDETERMINATE", Sha256.hex(body))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE document_id = ?", Integer.class,
                DocumentSamples.documentId(document.at("/code/number").asText()))).isZero();
    }

    /** Policy ACCEPT; result: 202, the verdict recorded in the log and shown on the message. */
    @Test
    void acceptsAndFlagsADocumentWhoseSignatureCannotBeDecidedWhenConfiguredTo() throws Exception {
        settings.setIndeterminateSignature(DocumentProperties.IndeterminatePolicy.ACCEPT);
        ObjectNode document = signedDocument();
        String documentId = DocumentSamples.documentId(document.at("/code/number").asText());

        HttpResponse<String> response = post(Samples.JSON.writeValueAsBytes(document));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode message = gateway.message(Samples.JSON.readTree(response.body()).path("messageId").asText());
        assertThat(message.at("/signatures/0/verdict").asText()).isEqualTo("INDETERMINATE");
        assertThat(message.at("/signatures/0/reason").asText()).isEqualTo("REVOCATION_UNKNOWN");
        assertThat(jdbc.queryForList("""
                SELECT reason_code FROM message_event WHERE event = 'SIGNATURE_VERIFIED' AND document_id = ?""",
                String.class, documentId)).containsExactly("INDETERMINATE:REVOCATION_UNKNOWN");
    }

    private static ObjectNode signedDocument() {
        byte[] attachment = DocumentSamples.randomBytes(2048);
        return DocumentSamples.document(DocumentSamples.nextNumber(), attachment,
                DocumentSamples.signed(SamplePki.GOOD_EC, attachment));
    }

    private HttpResponse<String> post(byte[] body) {
        return http.post("/api/v1/documents", body, "Content-Type", "application/json", "X-API-Key",
                Http.AGENCY_KEY);
    }
}

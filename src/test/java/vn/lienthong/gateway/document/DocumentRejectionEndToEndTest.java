package vn.lienthong.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.signature.PdfTestSigner;
import vn.lienthong.gateway.signature.SamplePki;

/**
 * Bad official documents posted over real HTTP: each is refused with its stable code and the location of what is
 * wrong, recorded as REJECTED in the message log, and neither stored as a message nor queued.
 */
class DocumentRejectionEndToEndTest extends GatewayEndToEndTest {

    /** Client posts a document without recipients; result: 400 DOCUMENT_INVALID, TO_MISSING at /to. */
    @Test
    void refusesADocumentWithoutRecipient() throws Exception {
        ObjectNode document = signedDocument();
        document.putArray("to");
        refused(document, 400, "DOCUMENT_INVALID", "/to", "TO_MISSING");
    }

    /** Client names one recipient twice; result: 400 DOCUMENT_INVALID, TO_REPEATED at the second. */
    @Test
    void refusesARepeatedRecipient() throws Exception {
        ObjectNode document = signedDocument();
        ((com.fasterxml.jackson.databind.node.ArrayNode) document.get("to")).addObject()
                .put("organId", DocumentSamples.TO);
        refused(document, 400, "DOCUMENT_INVALID", "/to/1/organId", "TO_REPEATED");
    }

    /** Client sends a subject of 501 characters; result: 400 DOCUMENT_INVALID, SUBJECT_TOO_LONG at /subject. */
    @Test
    void refusesASubjectLongerThan500Characters() throws Exception {
        ObjectNode document = signedDocument();
        document.put("subject", "Đ".repeat(501));
        refused(document, 400, "DOCUMENT_INVALID", "/subject", "SUBJECT_TOO_LONG");
    }

    /** Client attaches 10 MiB and one byte; result: 400 DOCUMENT_INVALID, ATTACHMENT_TOO_LARGE, nothing decoded. */
    @Test
    void refusesAnAttachmentLargerThanTheLimit() throws Exception {
        byte[] attachment = new byte[10 * 1024 * 1024 + 1];
        refused(DocumentSamples.document(DocumentSamples.nextNumber(), attachment, null), 400, "DOCUMENT_INVALID",
                "/attachments/0/content", "ATTACHMENT_TOO_LARGE");
    }

    /** Client's attachment content is not base64; result: 400 DOCUMENT_INVALID, BASE64_INVALID at the content. */
    @Test
    void refusesAnAttachmentThatIsNotBase64() throws Exception {
        ObjectNode document = signedDocument();
        ((ObjectNode) document.at("/attachments/0")).put("content", "not*base64!");
        refused(document, 400, "DOCUMENT_INVALID", "/attachments/0/content", "BASE64_INVALID");
    }

    /** Client's attachment was changed after signing; result: 422 SIGNATURE_INVALID with the reason at its signature. */
    @Test
    void refusesAnAttachmentWhoseSignatureDoesNotMatchIt() throws Exception {
        byte[] signedContent = DocumentSamples.randomBytes(4096);
        byte[] sent = signedContent.clone();
        sent[100] ^= 1;
        JsonNode problem = refused(DocumentSamples.document(DocumentSamples.nextNumber(), sent,
                DocumentSamples.signed(SamplePki.GOOD_EC, signedContent)), 422, "SIGNATURE_INVALID",
                "/attachments/0/signature", "DIGEST_MISMATCH");
        assertThat(problem.path("detail").asText()).contains("DIGEST_MISMATCH");
    }

    /** Client's attachment is signed by a revoked agency certificate; result: 422 SIGNATURE_INVALID, CERT_REVOKED. */
    @Test
    void refusesAnAttachmentSignedWithARevokedCertificate() throws Exception {
        byte[] attachment = DocumentSamples.randomBytes(4096);
        refused(DocumentSamples.document(DocumentSamples.nextNumber(), attachment,
                DocumentSamples.signed(SamplePki.REVOKED, attachment)), 422, "SIGNATURE_INVALID",
                "/attachments/0/signature", "CERT_REVOKED");
    }

    /** Client sends for an organ it may not act for; result: 403 AGENCY_NOT_ALLOWED at /from/organId. */
    @Test
    void refusesADocumentFromAnOrganTheClientMayNotActFor() throws Exception {
        ObjectNode document = signedDocument();
        ((ObjectNode) document.get("from")).put("organId", "000.00.00.G22");
        document.putArray("to").addObject().put("organId", "000.00.17.H56");
        refused(document, 403, "AGENCY_NOT_ALLOWED", "/from/organId", null);
    }

    /** Client adds a field the schema does not have; result: 400 DOCUMENT_INVALID at that field. */
    @Test
    void refusesAnUnknownField() throws Exception {
        ObjectNode document = signedDocument();
        document.put("routeTo", "elsewhere");
        refused(document, 400, "DOCUMENT_INVALID", "/routeTo", null);
    }

    /** Client's signed PDF was changed after signing; result: 422 SIGNATURE_INVALID at the attachment's content. */
    @Test
    void refusesASignedPdfChangedAfterSigning() throws Exception {
        byte[] pdf = PdfTestSigner.sign(PdfTestSigner.document(8 * 1024),
                content -> DocumentSamples.signed(SamplePki.GOOD_EC, content.readAllBytes()));
        int inSignedRange = 200;
        pdf[inSignedRange] = (byte) (pdf[inSignedRange] == 'x' ? 'y' : 'x');
        ObjectNode document = DocumentSamples.document(DocumentSamples.nextNumber(), pdf, null);
        ((ObjectNode) document.at("/attachments/0")).put("signatureFormat", "PDF");

        refused(document, 422, "SIGNATURE_INVALID", "/attachments/0/content", null);
    }

    /** A PDF declared signed whose only signature field holds a document time-stamp; result: 422 NO_SIGNER. */
    @Test
    void refusesAPdfWhoseOnlySignatureIsADocumentTimeStamp() throws Exception {
        byte[] pdf = PdfTestSigner.timestampedBySandboxAuthority(PdfTestSigner.document(8 * 1024));
        ObjectNode document = DocumentSamples.document(DocumentSamples.nextNumber(), pdf, null);
        ((ObjectNode) document.at("/attachments/0")).put("signatureFormat", "PDF");

        JsonNode problem = refused(document, 422, "SIGNATURE_INVALID", "/attachments/0/content", "NO_SIGNER");

        assertThat(problem.at("/errors/0/message").asText()).contains("only 1 document time-stamp(s)");
    }

    private static ObjectNode signedDocument() {
        byte[] attachment = DocumentSamples.randomBytes(2048);
        return DocumentSamples.document(DocumentSamples.nextNumber(), attachment,
                DocumentSamples.signed(SamplePki.GOOD_EC, attachment));
    }

    /** Posts, checks the answer and its first violation, the REJECTED entry, and that nothing was stored or queued. */
    private JsonNode refused(ObjectNode document, int status, String code, String pointer, String violationCode)
            throws Exception {
        String documentId = DocumentSamples.FROM + ",2024/03/05," + document.at("/code/number").asText() + "/UBND-TP";
        long queuedBefore = queues.messagesAdded(QueueProbe.VDXP);
        byte[] body = Samples.JSON.writeValueAsBytes(document);

        HttpResponse<String> response = http.post("/api/v1/documents", body, "Content-Type", "application/json",
                "X-API-Key", Http.AGENCY_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Samples.JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("errors")).anySatisfy(error -> {
            assertThat(error.path("pointer").asText()).isEqualTo(pointer);
            if (violationCode != null) {
                assertThat(error.path("code").asText()).isEqualTo(violationCode);
            }
        });
        assertThat(response.body()).doesNotContain(document.at("/attachments/0/content").asText("§").substring(0,
                Math.min(40, document.at("/attachments/0/content").asText("§").length())));
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM message_event WHERE event = 'REJECTED' AND reason_code = ? AND payload_sha256 = ?""",
                Integer.class, code, Sha256.hex(body))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE document_id = ?", Integer.class,
                documentId)).isZero();
        assertThat(queues.messagesAdded(QueueProbe.VDXP)).isEqualTo(queuedBefore);
        return problem;
    }
}

package vn.lienthong.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.signature.PdfTestSigner;
import vn.lienthong.gateway.signature.SamplePki;
import vn.lienthong.gateway.signature.Verdict;
import vn.lienthong.gateway.signature.XmlSignatureVerifier;
import vn.lienthong.gateway.vdxp.AxisPeer;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdxmlParser;
import vn.lienthong.gateway.vdxp.EdxmlSchema;
import vn.lienthong.gateway.vdxp.VdxpMessageType;
import vn.lienthong.gateway.vdxp.VdxpReceiptStatus;
import vn.lienthong.gateway.vdxp.VdxpReceivedItem;

/**
 * An agency's document system posts official documents over real HTTP; the gateway verifies the attachments'
 * signatures, sends signed edXML to the VDXP simulator, and follows the recipients' state.
 */
class DocumentSubmissionEndToEndTest extends GatewayEndToEndTest {

    @Autowired
    private EdxmlSchema schema;
    @Autowired
    private EdxmlParser parser;
    @Autowired
    private XmlSignatureVerifier xmlSignatures;
    @Autowired
    private SentDocumentPoller poller;

    private AxisPeer otherProvince;

    @BeforeEach
    void clearTheAxis() {
        http.delete("/sim/vdxp/received");
        http.post("/sim/vdxp/faults", "{\"reset\":true}".getBytes(), "Content-Type", "application/json");
        otherProvince = AxisPeer.otherProvince(port);
    }

    /**
     * Client posts a document whose attachment is signed (detached CMS) by its agency's key; result: 202 with the
     * document id; the axis receives schema-valid edXML signed by the gateway, the attachment byte for byte; the
     * message shows the axis id, the recipient's state as it moves, and the attachment's verdict.
     */
    @Test
    void sendsADocumentWithASignedAttachmentToTheAxisSignedByTheGateway() throws Exception {
        String number = DocumentSamples.nextNumber();
        byte[] attachment = DocumentSamples.randomBytes(64 * 1024);
        ObjectNode document = DocumentSamples.document(number, attachment,
                DocumentSamples.signed(SamplePki.GOOD_EC, attachment));

        HttpResponse<String> response = post(document);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = Samples.JSON.readTree(response.body());
        assertThat(answer.path("documentId").asText()).isEqualTo(DocumentSamples.documentId(number));
        assertThat(answer.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.path("destinations").toString()).isEqualTo("[\"VDXP\"]");
        String messageId = answer.path("messageId").asText();
        JsonNode delivered = gateway.awaitState(messageId, "DELIVERED");
        assertThat(delivered.path("kind").asText()).isEqualTo("DOCUMENT");
        assertThat(delivered.path("documentId").asText()).isEqualTo(DocumentSamples.documentId(number));
        assertThat(delivered.path("axisDocId").asText()).isNotBlank();
        assertThat(delivered.at("/recipients/0/organId").asText()).isEqualTo(DocumentSamples.TO);
        assertThat(delivered.at("/recipients/0/state").asText()).isEqualTo("SENT");
        assertThat(delivered.at("/signatures/0/verdict").asText()).isEqualTo("VALID");
        assertThat(delivered.at("/signatures/0/signerOrgan").asText()).isEqualTo("000.00.17.H56");

        VdxpReceivedItem item = otherProvince.waiting(VdxpMessageType.EDOC).stream()
                .filter(i -> DocumentSamples.FROM.equals(i.from())).findFirst().orElseThrow();
        byte[] edxml = otherProvince.client().getEdoc(item.docId());
        assertThat(schema.violations(new ByteArrayInputStream(edxml))).isEmpty();
        var verdict = xmlSignatures.verify(edxml);
        assertThat(verdict.verdict()).as(String.valueOf(verdict.detail())).isEqualTo(Verdict.Status.VALID);
        assertThat(verdict.signatures().get(0).signer().subject()).contains("SAMPLE");
        EdocDocument received = (EdocDocument) parser.parse(edxml);
        assertThat(received.documentId().value()).isEqualTo(DocumentSamples.documentId(number));
        assertThat(received.attachments()).singleElement()
                .satisfies(a -> assertThat(Sha256.hex(a.content())).isEqualTo(Sha256.hex(attachment)));

        poller.poll();
        assertThat(gateway.message(messageId).at("/recipients/0/state").asText()).isEqualTo("RECEIVED");
        otherProvince.client().updateStatus(item.docId(), VdxpReceiptStatus.DONE);
        poller.poll();
        JsonNode done = gateway.message(messageId);
        assertThat(done.at("/recipients/0/state").asText()).isEqualTo("DONE");
        assertThat(done.at("/recipients/0/receiverDocId").asText()).isEqualTo(item.docId());

        assertThat(jdbc.queryForList("""
                SELECT reason_code FROM message_event WHERE event = 'SIGNATURE_VERIFIED' AND document_id = ?""",
                String.class, DocumentSamples.documentId(number))).containsExactly("VALID");
    }

    /**
     * Client's attachment is a PDF signed by its agency's key (signatureFormat PDF); result: accepted with a VALID
     * verdict, and on the axis byte for byte.
     */
    @Test
    void sendsADocumentWithASignedPdfAttachment() throws Exception {
        byte[] pdf = PdfTestSigner.sign(PdfTestSigner.document(32 * 1024),
                content -> DocumentSamples.signed(SamplePki.GOOD_RSA, content.readAllBytes()));
        String number = DocumentSamples.nextNumber();
        ObjectNode document = DocumentSamples.document(number, pdf, null);
        ((ObjectNode) document.at("/attachments/0")).put("signatureFormat", "PDF");

        HttpResponse<String> response = post(document);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode delivered = gateway.awaitState(Samples.JSON.readTree(response.body()).path("messageId").asText(),
                "DELIVERED");
        assertThat(delivered.at("/signatures/0/format").asText()).isEqualTo("PDF");
        assertThat(delivered.at("/signatures/0/verdict").asText()).isEqualTo("VALID");
        assertThat(delivered.at("/signatures/0/signerOrgan").asText()).isEqualTo("000.00.18.H56");
        EdocDocument received = otherProvince.waiting(VdxpMessageType.EDOC).stream()
                .map(item -> (EdocDocument) parser.parse(otherProvince.client().getEdoc(item.docId())))
                .filter(d -> d.documentId().value().equals(DocumentSamples.documentId(number)))
                .findFirst().orElseThrow();
        assertThat(Sha256.hex(received.attachments().get(0).content())).isEqualTo(Sha256.hex(pdf));
    }

    /** Client sends the same document twice with one Idempotency-Key; result: the first answer, one item on the axis. */
    @Test
    void answersARepeatedKeyWithTheFirstAnswerAndARepeatedDocumentIdWithAConflict() throws Exception {
        String number = DocumentSamples.nextNumber();
        byte[] attachment = DocumentSamples.randomBytes(1024);
        byte[] body = Samples.JSON.writeValueAsBytes(DocumentSamples.document(number, attachment,
                DocumentSamples.signed(SamplePki.GOOD_RSA, attachment)));

        HttpResponse<String> first = http.post("/api/v1/documents", body, "Content-Type", "application/json",
                "X-API-Key", Http.AGENCY_KEY, "Idempotency-Key", "doc-" + number);
        HttpResponse<String> again = http.post("/api/v1/documents", body, "Content-Type", "application/json",
                "X-API-Key", Http.AGENCY_KEY, "Idempotency-Key", "doc-" + number);
        HttpResponse<String> otherKey = http.post("/api/v1/documents", body, "Content-Type", "application/json",
                "X-API-Key", Http.AGENCY_KEY, "Idempotency-Key", "doc-other-" + number);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(otherKey.statusCode()).isEqualTo(409);
        assertThat(Samples.JSON.readTree(otherKey.body()).path("code").asText()).isEqualTo("DOCUMENT_ID_IN_USE");
        gateway.awaitState(Samples.JSON.readTree(first.body()).path("messageId").asText(), "DELIVERED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE document_id = ?", Integer.class,
                DocumentSamples.documentId(number))).isEqualTo(1);
    }

    /**
     * The axis answers 503 (Retry-After 2 s) to the next three calls while three documents are posted; result: each
     * waits on the queue with its failed attempt recorded, then goes out once the axis recovers, exactly once.
     */
    @Test
    void documentsWaitThroughAnAxisOutageAndGoOutOnceItRecovers() throws Exception {
        queues.awaitNothingInFlight(QueueProbe.VDXP);
        http.post("/sim/vdxp/faults", "{\"failNext\":3,\"status\":503,\"retryAfterSeconds\":2}".getBytes(),
                "Content-Type", "application/json");
        List<String> numbers = List.of(DocumentSamples.nextNumber(), DocumentSamples.nextNumber(),
                DocumentSamples.nextNumber());
        List<String> messageIds = new java.util.ArrayList<>();
        for (String number : numbers) {
            byte[] attachment = DocumentSamples.randomBytes(2048);
            HttpResponse<String> response = post(DocumentSamples.document(number, attachment,
                    DocumentSamples.signed(SamplePki.GOOD_EC, attachment)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            messageIds.add(Samples.JSON.readTree(response.body()).path("messageId").asText());
        }

        for (String messageId : messageIds) {
            JsonNode delivered = gateway.awaitState(messageId, "DELIVERED");
            assertThat(delivered.path("attempts")).extracting(a -> a.path("outcome").asText())
                    .containsExactly("TRANSIENT_FAILURE", "DELIVERED");
        }
        JsonNode received = Samples.JSON.readTree(http.get("/sim/vdxp/received").body());
        assertThat(received.path("duplicates").asInt()).isZero();
        for (String number : numbers) {
            long items = 0;
            for (JsonNode item : received.path("items")) {
                if (DocumentSamples.documentId(number).equals(item.path("documentId").asText())) {
                    items++;
                }
            }
            assertThat(items).as(number).isEqualTo(1);
        }
    }

    /**
     * The axis refuses the next call for good (400); result: the document is dead-lettered at once with the axis's
     * reason, and an administrator's replay sends it (the same message, the same document id) to the axis.
     */
    @Test
    void deadLettersADocumentTheAxisRefusesAndSendsItWhenReplayed() throws Exception {
        queues.awaitNothingInFlight(QueueProbe.VDXP);
        http.post("/sim/vdxp/faults", "{\"failNext\":1,\"status\":400}".getBytes(), "Content-Type",
                "application/json");
        byte[] attachment = DocumentSamples.randomBytes(1024);
        HttpResponse<String> response = post(DocumentSamples.document(DocumentSamples.nextNumber(), attachment,
                DocumentSamples.signed(SamplePki.GOOD_EC, attachment)));
        String messageId = Samples.JSON.readTree(response.body()).path("messageId").asText();

        JsonNode deadLettered = gateway.awaitState(messageId, "DEAD_LETTERED");
        assertThat(deadLettered.at("/attempts/0/outcome").asText()).isEqualTo("PERMANENT_FAILURE");
        assertThat(deadLettered.at("/attempts/0/reason").asText()).contains("ErrorCode 900");
        // the message's state is committed with the dead-letter queue's transaction, which may finish a moment later
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queues.messageCount(QueueProbe.VDXP + ".dlq")).isPositive());

        HttpResponse<String> replay = http.post("/admin/dead-letters/" + messageId + "/replay", new byte[0],
                "X-API-Key", Http.ADMIN_KEY);

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        JsonNode delivered = gateway.awaitState(messageId, "DELIVERED");
        assertThat(delivered.path("axisDocId").asText()).isNotBlank();
    }

    private HttpResponse<String> post(ObjectNode document) throws java.io.IOException {
        return http.post("/api/v1/documents", Samples.JSON.writeValueAsBytes(document), "Content-Type",
                "application/json", "X-API-Key", Http.AGENCY_KEY);
    }
}

package vn.lienthong.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.gateway.document.IncomingFixtures.HAI_DINH;
import static vn.lienthong.gateway.document.IncomingFixtures.HAI_TRUONG;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.LocalSystemsProbe;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.signature.SamplePki;
import vn.lienthong.gateway.signature.PdfTestSigner;
import vn.lienthong.gateway.soap.SoapClients;
import vn.lienthong.gateway.soap.client.GetMessageStatus;
import vn.lienthong.gateway.soap.client.GetMessageStatusResponse;
import vn.lienthong.gateway.VdxpSimulatorProbe;
import vn.lienthong.gateway.signature.XmlSigner;
import vn.lienthong.gateway.vdxp.EdocAttachment;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdxmlBuilder;

/**
 * Documents other agencies send this gateway's organs through the axis (placed in the VDXP simulator's inboxes) reach
 * the organs' local document systems (the local-systems simulator) over real HTTP, or are refused, logged and failed
 * at the axis.
 */
class IncomingDocumentsTest extends GatewayEndToEndTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    EdxmlBuilder builder;
    @Autowired
    XmlSigner signer;
    @Autowired
    VdxpPoll poll;

    IncomingFixtures fixtures;
    VdxpSimulatorProbe axis;
    LocalSystemsProbe local;

    @BeforeEach
    void connectToTheSimulators() {
        fixtures = new IncomingFixtures(builder, signer);
        axis = new VdxpSimulatorProbe(http);
        local = new LocalSystemsProbe(http);
        axis.reset();
        local.reset();
    }

    @AfterEach
    void clearFaults() {
        axis.reset();
        local.reset();
    }

    /**
     * The government office sends organ 17.H56 a signed document with two attachments; result: its local system gets
     * the document with byte-identical attachments and a VALID verdict, the axis item is done, and the message log
     * has the INBOUND message with the edXML's SHA-256.
     */
    @Test
    void deliversAPlacedDocumentWithIdenticalAttachmentsAndAValidVerdict() throws Exception {
        EdocAttachment letter = IncomingFixtures.attachment("cong-van.pdf", 200_000, 1);
        EdocAttachment annex = IncomingFixtures.attachment("phu-luc.pdf", 3_000, 2);
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG), List.of(letter, annex));
        byte[] edxml = fixtures.signed(document);
        String documentId = document.documentId().value();

        String item = axis.place(HAI_TRUONG, edxml);
        poll.pollSoon();

        JsonNode record = awaitOne(HAI_TRUONG, "DOCUMENT", documentId);
        JsonNode body = record.path("body");
        assertThat(body.path("axisDocId").asText()).isEqualTo(item);
        assertThat(body.path("from").path("organId").asText()).isEqualTo(IncomingFixtures.GOVERNMENT_OFFICE);
        assertThat(body.path("from").path("organName").asText()).isEqualTo("Văn phòng Chính phủ");
        assertThat(body.path("to").get(0).path("organId").asText()).isEqualTo(HAI_TRUONG);
        assertThat(body.path("code").path("number").asText()).isEqualTo(document.code().number());
        assertThat(body.path("promulgation").path("date").asText()).isEqualTo("2024-03-05");
        assertThat(body.path("subject").asText()).isEqualTo(document.subject());
        assertThat(body.path("dueDate").asText()).isEqualTo("2024-04-30");
        assertThat(body.path("priority").asInt()).isEqualTo(1);
        assertThat(body.path("businessDocType").asInt()).isZero();
        assertThat(body.path("attachments")).hasSize(2);
        assertThat(body.path("attachments").get(0).path("name").asText()).isEqualTo("cong-van.pdf");
        assertThat(body.path("attachments").get(0).path("computedSha256").asText())
                .isEqualTo(Sha256.hex(letter.content()))
                .isEqualTo(body.path("attachments").get(0).path("sha256").asText());
        assertThat(body.path("attachments").get(0).path("size").asLong()).isEqualTo(200_000);
        assertThat(body.path("attachments").get(1).path("computedSha256").asText())
                .isEqualTo(Sha256.hex(annex.content()));
        assertThat(body.path("signature").path("verdict").asText()).isEqualTo("VALID");
        assertThat(body.path("signature").path("subject").asText()).contains("SAMPLE");

        await("the axis item is confirmed done").atMost(WITHIN)
                .until(() -> axis.receiveStatus(item).orElse(""), "done"::equals);
        String messageId = record.path("idempotencyKey").asText();
        JsonNode message = gateway.awaitState(messageId, "DELIVERED");
        assertThat(message.path("kind").asText()).isEqualTo("DOCUMENT");
        assertThat(message.path("direction").asText()).isEqualTo("INBOUND");
        assertThat(message.path("documentId").asText()).isEqualTo(documentId);
        assertThat(message.path("destination").asText()).isEqualTo("LOCAL");
        assertThat(message.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(200);
        assertThat(message.path("axisDocId").asText()).isEqualTo(item);
        assertThat(message.path("from").asText()).isEqualTo(IncomingFixtures.GOVERNMENT_OFFICE);
        assertThat(message.path("to").asText()).isEqualTo(HAI_TRUONG);
        assertThat(message.path("signature").path("verdict").asText()).isEqualTo("VALID");
        JsonNode arrivalNotice = gateway.awaitState(message.path("arrivalMessageId").asText(), "DELIVERED");
        assertThat(arrivalNotice.path("kind").asText()).isEqualTo("DOCUMENT_STATUS");
        assertThat(arrivalNotice.path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(arrivalNotice.path("destination").asText()).isEqualTo("VDXP");
        assertThat(arrivalNotice.path("documentId").asText()).isEqualTo(documentId);
        assertThat(java.util.UUID.fromString(message.path("arrivalMessageId").asText()).version()).isEqualTo(7);
        GetMessageStatus query = new GetMessageStatus();
        query.setMessageId(messageId);
        GetMessageStatusResponse bySoap = SoapClients.soap11(port, Http.AGENCY_KEY).getMessageStatus(query);
        assertThat(bySoap.getAxisDocId()).isEqualTo(item);
        assertThat(bySoap.getFrom()).isEqualTo(IncomingFixtures.GOVERNMENT_OFFICE);
        assertThat(bySoap.getTo()).isEqualTo(HAI_TRUONG);
        assertThat(bySoap.getReceivedAt()).isNotNull();
        assertThat(bySoap.getSignature().getVerdict()).isEqualTo("VALID");
        assertThat(bySoap.getSignature().getSubject()).isEqualTo(message.path("signature").path("subject").asText());
        assertThat(bySoap.getArrivalMessageId()).isEqualTo(message.path("arrivalMessageId").asText());
        assertThat(bySoap.getRecipients()).as("only for a document sent to the axis").isNull();

        List<Map<String, Object>> events = jdbc.queryForList("""
                SELECT event, direction, channel, document_id, client_id, reason_code, payload_sha256
                FROM message_event WHERE message_id = ? ORDER BY seq""", messageId);
        assertThat(events).extracting(e -> e.get("EVENT"))
                .containsExactly("RECEIVED", "SIGNATURE_VERIFIED", "QUEUED", "DELIVERED");
        assertThat(events.get(0)).containsEntry("DIRECTION", "INBOUND").containsEntry("CHANNEL", "VDXP")
                .containsEntry("DOCUMENT_ID", documentId).containsEntry("CLIENT_ID", "vdxp:000.00.00.G22")
                .containsEntry("PAYLOAD_SHA256", Sha256.hex(edxml));
        assertThat(events.get(1)).containsEntry("REASON_CODE", "VALID");

        JsonNode arrival = await("the status message 01 goes back to the sender").atMost(WITHIN)
                .until(() -> statusesOnTheAxis(documentId, "01"), found -> !found.isEmpty()).get(0);
        assertThat(arrival.path("from").asText()).isEqualTo(HAI_TRUONG);
        assertThat(arrival.path("signature").asText()).isEqualTo("VALID");
        assertThat(arrival.path("deliveries").get(0).path("to").asText())
                .isEqualTo(IncomingFixtures.GOVERNMENT_OFFICE);
    }

    /** The status messages about a document the axis took, of one status code. */
    private List<JsonNode> statusesOnTheAxis(String documentId, String statusCode) {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode item : axis.received().path("items")) {
            if ("status".equals(item.path("messageType").asText()) && documentId.equals(item.path("documentId").asText())
                    && statusCode.equals(item.path("statusCode").asText())) {
                found.add(item);
            }
        }
        return found;
    }

    /**
     * A document to two organs of this gateway, placed for each; result: each organ's local system gets it once, and
     * each organ tells the sender it arrived, once.
     */
    @Test
    void deliversADocumentForTwoOrgansToEachOfThem() {
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG, HAI_DINH),
                List.of(IncomingFixtures.attachment("cv.pdf", 1_000, 3)));
        byte[] edxml = fixtures.signed(document);
        String documentId = document.documentId().value();

        axis.place(HAI_TRUONG, edxml);
        axis.place(HAI_DINH, edxml);
        poll.pollSoon();

        JsonNode first = awaitOne(HAI_TRUONG, "DOCUMENT", documentId);
        JsonNode second = awaitOne(HAI_DINH, "DOCUMENT", documentId);
        assertThat(first.path("idempotencyKey").asText()).isNotEqualTo(second.path("idempotencyKey").asText());
        assertThat(first.path("body").path("to")).hasSize(2);
        List<JsonNode> arrivals = await("both organs send 01").atMost(WITHIN)
                .until(() -> statusesOnTheAxis(documentId, "01"), found -> found.size() == 2);
        assertThat(arrivals).extracting(a -> a.path("from").asText()).containsExactlyInAnyOrder(HAI_TRUONG, HAI_DINH);
    }

    /**
     * A document whose attachments are a signed PDF, the same PDF changed after it was signed, an unsigned PDF and a
     * file that is no PDF; result: taken in and delivered all the same (the edXML signature holds), the local system
     * and the message view show VALID for the first, INVALID with its reason for the second and nothing for the
     * others, and the message log has a SIGNATURE_VERIFIED entry (INBOUND) for each signed one.
     */
    @Test
    void reportsTheVerdictOnEachSignedPdfAttachmentWithoutRefusingTheDocument() throws Exception {
        byte[] signedPdf = PdfTestSigner.sign(PdfTestSigner.document(8 * 1024),
                content -> DocumentSamples.signed(SamplePki.GOOD_RSA, content.readAllBytes()));
        byte[] changedPdf = signedPdf.clone();
        changedPdf[PdfTestSigner.offsetOf(changedPdf, "Cong van")] = 'K';
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG), List.of(
                new EdocAttachment("ky-so.pdf", "application/pdf", "signed", signedPdf),
                new EdocAttachment("bi-sua.pdf", "application/pdf", "changed", changedPdf),
                new EdocAttachment("khong-ky.pdf", "application/pdf", "unsigned", PdfTestSigner.document(2 * 1024)),
                IncomingFixtures.attachment("anh.pdf", 1_000, 5)));
        String documentId = document.documentId().value();

        axis.place(HAI_TRUONG, fixtures.signed(document));
        poll.pollSoon();

        JsonNode record = awaitOne(HAI_TRUONG, "DOCUMENT", documentId);
        JsonNode attachments = record.path("body").path("attachments");
        assertThat(attachments.get(0).path("signature").path("verdict").asText()).isEqualTo("VALID");
        assertThat(attachments.get(0).path("signature").path("signerOrgan").asText()).isEqualTo("000.00.18.H56");
        assertThat(attachments.get(1).path("signature").path("verdict").asText()).isEqualTo("INVALID");
        assertThat(attachments.get(1).path("signature").path("reason").asText()).isNotBlank();
        assertThat(attachments.get(2).has("signature")).isFalse();
        assertThat(attachments.get(3).has("signature")).isFalse();
        assertThat(record.path("body").path("signature").path("verdict").asText()).isEqualTo("VALID");
        JsonNode message = gateway.awaitState(record.path("idempotencyKey").asText(), "DELIVERED");
        assertThat(message.path("signatures")).extracting(v -> v.path("attachment").asInt() + " " + v.path("verdict")
                .asText()).containsExactly("0 VALID", "1 INVALID");
        assertThat(jdbc.queryForList("SELECT reason_code FROM message_event WHERE event = 'SIGNATURE_VERIFIED'"
                + " AND direction = 'INBOUND' AND document_id = ? AND detail LIKE 'attachment %' ORDER BY seq",
                String.class, documentId)).containsExactly("VALID", "INVALID:DIGEST_MISMATCH");
        GetMessageStatus query = new GetMessageStatus();
        query.setMessageId(record.path("idempotencyKey").asText());
        assertThat(SoapClients.soap11(port, Http.AGENCY_KEY).getMessageStatus(query).getSignatures().getSignature())
                .extracting(v -> v.getAttachment() + " " + v.getVerdict() + " " + v.getFormat())
                .containsExactly("0 VALID PDF", "1 INVALID PDF");
    }

    /** A signed document whose subject was changed afterwards; result: REJECTED, fail at the axis, not passed on. */
    @Test
    void refusesATamperedDocumentAndFailsItAtTheAxis() {
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG), List.of());
        String item = axis.place(HAI_TRUONG, fixtures.tampered(document));
        poll.pollSoon();

        awaitRefused(item, document, "SIGNATURE_INVALID", "DIGEST_MISMATCH");
    }

    /** A document without any XML signature; result: REJECTED, fail at the axis, not passed on. */
    @Test
    void refusesAnUnsignedDocumentAndFailsItAtTheAxis() {
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG), List.of());
        String item = axis.place(HAI_TRUONG, fixtures.unsigned(document));
        poll.pollSoon();

        awaitRefused(item, document, "SIGNATURE_INVALID", "NO_SIGNER");
    }

    /** A document addressed to 18.H56 only, found in 17.H56's inbox; result: refused, not given to 17.H56. */
    @Test
    void refusesADocumentThatIsNotAddressedToTheOrganWhoseInboxHeldIt() {
        EdocDocument document = IncomingFixtures.document(List.of(HAI_DINH), List.of());
        String item = axis.place(HAI_TRUONG, fixtures.signed(document));
        poll.pollSoon();

        awaitRefused(item, document, "EDXML_NOT_AS_LISTED", "not addressed to it");
        assertThat(local.records(HAI_DINH, "DOCUMENT", document.documentId().value())).isEmpty();
    }

    /** The local system answers 503 twice; result: delivered at the third attempt, every attempt shown. */
    @Test
    void retriesWhileTheLocalSystemIsDownThenDelivers() {
        local.faults("{\"failNext\":2,\"status\":503}");
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG), List.of());
        axis.place(HAI_TRUONG, fixtures.signed(document));
        poll.pollSoon();

        JsonNode record = awaitOne(HAI_TRUONG, "DOCUMENT", document.documentId().value());
        JsonNode message = gateway.awaitState(record.path("idempotencyKey").asText(), "DELIVERED");
        assertThat(message.path("attempts")).extracting(a -> a.path("outcome").asText())
                .containsExactly("TRANSIENT_FAILURE", "TRANSIENT_FAILURE", "DELIVERED");
        assertThat(message.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(503);
    }

    /**
     * The local system stays down for the whole retry schedule (4 attempts in the tests); result: dead-lettered,
     * listed for the administrator, and delivered with the same message id once replayed.
     */
    @Test
    void deadLettersAfterTheScheduleAndDeliversOnReplay() throws Exception {
        local.faults("{\"failNext\":4,\"status\":503}");
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG), List.of(
                IncomingFixtures.attachment("cv.pdf", 5_000, 4)));
        String documentId = document.documentId().value();
        axis.place(HAI_TRUONG, fixtures.signed(document));
        poll.pollSoon();

        String messageId = await("the message is dead-lettered").atMost(WITHIN).until(() -> jdbc.queryForList(
                "SELECT message_id FROM message WHERE document_id = ? AND state = 'DEAD_LETTERED'", String.class,
                documentId), found -> found.size() == 1).get(0);
        JsonNode deadLetters = Samples.JSON.readTree(http.get("/admin/dead-letters?destination=LOCAL", "X-API-Key",
                Http.ADMIN_KEY).body());
        assertThat(deadLetters.path("deadLetters")).extracting(m -> m.path("messageId").asText()).contains(messageId);
        assertThat(local.records(HAI_TRUONG, "DOCUMENT", documentId)).isEmpty();

        assertThat(http.post("/admin/dead-letters/" + messageId + "/replay", new byte[0], "X-API-Key",
                Http.ADMIN_KEY).statusCode()).isEqualTo(200);

        JsonNode record = awaitOne(HAI_TRUONG, "DOCUMENT", documentId);
        assertThat(record.path("idempotencyKey").asText()).isEqualTo(messageId);
        assertThat(record.path("body").path("attachments").get(0).path("computedSha256").asText())
                .isEqualTo(Sha256.hex(document.attachments().get(0).content()));
        gateway.awaitState(messageId, "DELIVERED");
    }

    private JsonNode awaitOne(String organId, String kind, String documentId) {
        List<JsonNode> records = await(kind + " " + documentId + " at the local system of " + organId).atMost(WITHIN)
                .until(() -> local.records(organId, kind, documentId), found -> !found.isEmpty());
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private void awaitRefused(String item, EdocDocument document, String code, String detail) {
        await("the axis item is failed").atMost(WITHIN).until(() -> axis.receiveStatus(item).orElse(""), "fail"::equals);
        String documentId = document.documentId().value();
        List<Map<String, Object>> rejected = jdbc.queryForList("""
                SELECT direction, channel, reason_code, detail, client_id FROM message_event
                WHERE event = 'REJECTED' AND document_id = ?""", documentId);
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0)).containsEntry("DIRECTION", "INBOUND").containsEntry("CHANNEL", "VDXP")
                .containsEntry("REASON_CODE", code).containsEntry("CLIENT_ID", "vdxp:000.00.00.G22");
        assertThat((String) rejected.get(0).get("DETAIL")).contains(item).contains(detail);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE document_id = ?", Integer.class,
                documentId)).isZero();
        assertThat(local.records(IncomingFixtures.HAI_TRUONG, "DOCUMENT", documentId)).isEmpty();
    }
}

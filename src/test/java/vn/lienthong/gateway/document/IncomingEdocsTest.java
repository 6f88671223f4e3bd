package vn.lienthong.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.gateway.document.IncomingFixtures.GOVERNMENT_OFFICE;
import static vn.lienthong.gateway.document.IncomingFixtures.HAI_DINH;
import static vn.lienthong.gateway.document.IncomingFixtures.HAI_TRUONG;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.signature.XmlSigner;
import vn.lienthong.gateway.document.IncomingEdocs.Decision;
import vn.lienthong.gateway.document.IncomingEdocs.Intake;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdocStatus;
import vn.lienthong.gateway.vdxp.Organ;
import vn.lienthong.gateway.vdxp.ResponseFor;
import vn.lienthong.gateway.vdxp.EdxmlBuilder;
import vn.lienthong.gateway.vdxp.StatusCode;
import vn.lienthong.gateway.vdxp.VdxpMessageType;
import vn.lienthong.gateway.vdxp.VdxpReceivedItem;

/**
 * The intake of one item fetched from the axis, on its own: hostile or misaddressed edXML is refused and logged, and
 * an item the axis lists again is stored once and queued once.
 */
class IncomingEdocsTest extends GatewayEndToEndTest {

    @Autowired
    IncomingEdocs intake;
    @Autowired
    MessageStore store;
    @Autowired
    EdxmlBuilder builder;
    @Autowired
    XmlSigner signer;

    IncomingFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new IncomingFixtures(builder, signer);
    }

    /** The axis lists the same item again (the gateway died before confirming it); result: one message, queued once. */
    @Test
    void storesAnItemListedAgainOnceAndQueuesItAgainOnlyUntilTheQueueHasIt() {
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG), List.of());
        byte[] edxml = fixtures.signed(document);
        VdxpReceivedItem item = item(VdxpMessageType.EDOC, HAI_TRUONG);

        Intake first = intake.take(item, edxml);
        Intake beforeTheQueueConfirmed = intake.take(item, edxml);
        store.markQueued(first.receipt().messageId());
        Intake afterTheQueueConfirmed = intake.take(item(VdxpMessageType.EDOC, HAI_TRUONG), edxml);

        assertThat(first.decision()).isEqualTo(Decision.QUEUE);
        assertThat(beforeTheQueueConfirmed.decision()).isEqualTo(Decision.QUEUE);
        assertThat(beforeTheQueueConfirmed.receipt().messageId()).isEqualTo(first.receipt().messageId());
        assertThat(afterTheQueueConfirmed.decision()).isEqualTo(Decision.KNOWN);
        assertThat(afterTheQueueConfirmed.receipt().messageId()).isEqualTo(first.receipt().messageId());
        assertThat(afterTheQueueConfirmed.receipt().axisDocId()).isEqualTo(item.docId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE document_id = ?", Integer.class,
                document.documentId().value())).isEqualTo(1);
    }

    /** The same document for two organs of this gateway; result: one message for each. */
    @Test
    void storesADocumentForEachOfItsRecipientOrgans() {
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG, HAI_DINH), List.of());
        byte[] edxml = fixtures.signed(document);

        Intake forHaiTruong = intake.take(item(VdxpMessageType.EDOC, HAI_TRUONG), edxml);
        Intake forHaiDinh = intake.take(item(VdxpMessageType.EDOC, HAI_DINH), edxml);

        assertThat(forHaiTruong.decision()).isEqualTo(Decision.QUEUE);
        assertThat(forHaiDinh.decision()).isEqualTo(Decision.QUEUE);
        assertThat(forHaiDinh.receipt().messageId()).isNotEqualTo(forHaiTruong.receipt().messageId());
        assertThat(UUID.fromString(forHaiTruong.receipt().messageId()).version())
                .as("time-ordered message ids, as for outbound messages").isEqualTo(7);
    }

    /** edXML declaring an external entity (XXE); result: refused before any entity is read, logged, not stored. */
    @Test
    void refusesEdxmlWithADoctype() {
        byte[] xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE edXML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&secret;</edXML>
                """.getBytes(StandardCharsets.UTF_8);
        VdxpReceivedItem item = item(VdxpMessageType.EDOC, HAI_TRUONG);

        assertThat(intake.take(item, xxe).decision()).isEqualTo(Decision.REFUSED);

        Map<String, Object> rejected = rejection(item);
        assertThat(rejected).containsEntry("REASON_CODE", "XML_MALFORMED").containsEntry("DIRECTION", "INBOUND")
                .containsEntry("PAYLOAD_SHA256", Sha256.hex(xxe));
        assertThat((String) rejected.get("DETAIL")).contains("DOCTYPE_FORBIDDEN").doesNotContain("passwd");
    }

    /** A status message listed by the axis as a document; result: refused as not what was listed. */
    @Test
    void refusesAStatusMessageListedAsADocument() {
        EdocDocument sent = IncomingFixtures.document(List.of(GOVERNMENT_OFFICE), List.of());
        EdocStatus status = IncomingFixtures.status(GOVERNMENT_OFFICE, sent, StatusCode.RECEIVED,
                LocalDateTime.of(2024, 3, 6, 8, 0));
        VdxpReceivedItem item = item(VdxpMessageType.EDOC, HAI_TRUONG);

        assertThat(intake.take(item, fixtures.signed(status)).decision()).isEqualTo(Decision.REFUSED);

        assertThat(rejection(item)).containsEntry("REASON_CODE", "EDXML_NOT_AS_LISTED");
    }

    /** A document whose attachment name climbs out of a folder; result: refused by the rules, never passed on. */
    @Test
    void refusesADocumentWhoseAttachmentNameIsAPath() {
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG),
                List.of(IncomingFixtures.attachment("bao-cao.pdf", 100, 9)));
        byte[] edxml = new String(fixtures.signed(document), StandardCharsets.UTF_8)
                .replace("bao-cao.pdf", "../../etc/cron.d/bao-cao").getBytes(StandardCharsets.UTF_8);
        VdxpReceivedItem item = item(VdxpMessageType.EDOC, HAI_TRUONG);

        assertThat(intake.take(item, edxml).decision()).isEqualTo(Decision.REFUSED);

        Map<String, Object> rejected = rejection(item);
        assertThat(rejected).containsEntry("REASON_CODE", "DOCUMENT_INVALID")
                .containsEntry("DOCUMENT_ID", document.documentId().value());
        assertThat((String) rejected.get("DETAIL")).contains("ATTACHMENT_NAME_INVALID");
    }

    /** An unsigned status message about a document of 17.H56; result: refused and logged, not passed on. */
    @Test
    void refusesAnUnsignedStatusMessage() {
        EdocStatus status = new EdocStatus(Organ.of(GOVERNMENT_OFFICE, null), new ResponseFor(HAI_TRUONG, "1/UBND",
                null, HAI_TRUONG + ",2024/03/05,1/UBND"), null, StatusCode.DONE, "Xong",
                LocalDateTime.of(2024, 3, 7, 8, 0));
        VdxpReceivedItem item = item(VdxpMessageType.STATUS, HAI_TRUONG);

        assertThat(intake.take(item, fixtures.unsigned(status)).decision()).isEqualTo(Decision.REFUSED);

        assertThat(rejection(item)).containsEntry("REASON_CODE", "SIGNATURE_INVALID")
                .containsEntry("DOCUMENT_ID", HAI_TRUONG + ",2024/03/05,1/UBND");
    }

    /**
     * A signed status message about a document this gateway never sent; result: taken in to be passed to the organ's
     * local system, keyed by its code and time, and no sent document's recipient gets it.
     */
    @Test
    void takesAStatusAboutADocumentTheGatewayDidNotSendToPassItOn() {
        String documentId = HAI_TRUONG + ",2024/03/05," + UUID.randomUUID().toString().substring(0, 8) + "/UBND";
        EdocStatus status = new EdocStatus(Organ.of(GOVERNMENT_OFFICE, null), new ResponseFor(HAI_TRUONG, null, null,
                documentId), null, StatusCode.RECEIVED, "Đã tiếp nhận", LocalDateTime.of(2024, 3, 7, 8, 0));

        Intake first = intake.take(item(VdxpMessageType.STATUS, HAI_TRUONG), fixtures.signed(status));

        assertThat(first.decision()).isEqualTo(Decision.QUEUE);
        assertThat(first.receipt().statusCode()).isEqualTo("03");
        assertThat(first.receipt().documentId()).isEqualTo(documentId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_status_report WHERE inbound_message_id = ?",
                Integer.class, first.receipt().messageId())).isZero();
        assertThat(jdbc.queryForObject("SELECT kind FROM message WHERE message_id = ?", String.class,
                first.receipt().messageId())).isEqualTo("DOCUMENT_STATUS");
    }

    /** A document whose sender differs from the one the axis names; result: refused. */
    @Test
    void refusesADocumentFromAnotherSenderThanTheAxisSays() {
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG), List.of());
        VdxpReceivedItem item = new VdxpReceivedItem(UUID.randomUUID().toString(), VdxpMessageType.EDOC,
                "000.00.00.G01", HAI_TRUONG, null, null, "sent", null);

        assertThat(intake.take(item, fixtures.signed(document)).decision()).isEqualTo(Decision.REFUSED);

        assertThat((String) rejection(item).get("DETAIL")).contains("listed as sent by 000.00.00.G01");
    }

    private Map<String, Object> rejection(VdxpReceivedItem item) {
        List<Map<String, Object>> found = jdbc.queryForList("""
                SELECT reason_code, detail, direction, channel, document_id, payload_sha256 FROM message_event
                WHERE event = 'REJECTED' AND detail LIKE ?""", "axis item " + item.docId() + "%");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static VdxpReceivedItem item(VdxpMessageType type, String to) {
        return new VdxpReceivedItem(UUID.randomUUID().toString(), type, GOVERNMENT_OFFICE, to, null, null, "sent",
                null);
    }
}

package vn.lienthong.gateway.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.messagelog.MessageState;
import vn.lienthong.gateway.signature.SignatureFormat;
import vn.lienthong.gateway.signature.Verdict;
import vn.lienthong.gateway.signature.VerificationReport;
import vn.lienthong.gateway.vdxp.EdocDelivery;
import vn.lienthong.gateway.vdxp.StaffInfo;
import vn.lienthong.gateway.vdxp.VdxpSentItem;

/**
 * Keeps what the gateway knows about the documents and status messages it sends to the axis (tables of V13): the
 * sending organ and the recipients, the attachments' signature verdicts at acceptance, the axis id once sent, and each
 * recipient's state on the axis and last status message.
 */
@Component
public class SentDocuments {

    /** Message kind of an official document sent to the axis. */
    public static final String DOCUMENT_KIND = "DOCUMENT";
    /** Message kind of a status message about a document, sent to the axis. */
    public static final String STATUS_KIND = "DOCUMENT_STATUS";
    private static final List<String> SETTLED_STATES = List.of("done", "fail");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SentDocuments(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an accepted message about a document with its recipients and verdicts; runs inside the transaction that
     * stores the message. A document whose id an accepted document already has is refused (409 DOCUMENT_ID_IN_USE).
     */
    void recordAccepted(String messageId, String kind, String documentId, String fromOrgan, String statusCode,
                        List<String> recipients, List<AttachmentVerdict> verdicts) {
        if (DOCUMENT_KIND.equals(kind) && documentIdInUse(documentId)) {
            throw new GatewayException(ErrorCode.DOCUMENT_ID_IN_USE, "A document with the id " + documentId
                    + " was already accepted; the axis takes a document id once. Give a new document its own number.",
                    List.of(new Violation("/code", "with from.organId and promulgation.date, names an accepted "
                            + "document")));
        }
        OffsetDateTime now = now();
        jdbc.update("""
                INSERT INTO document_outbound (message_id, kind, document_id, from_organ, status_code, settled)
                VALUES (?, ?, ?, ?, ?, ?)""", messageId, kind, documentId, fromOrgan, statusCode, false);
        for (String organ : recipients) {
            jdbc.update("""
                    INSERT INTO document_outbound_recipient (message_id, organ_id, updated_at) VALUES (?, ?, ?)""",
                    messageId, organ, now);
        }
        for (AttachmentVerdict v : verdicts) {
            jdbc.update("""
                    INSERT INTO document_attachment_verdict (message_id, attachment_no, format, verdict, reason,
                                                             signer_subject, signer_organ)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", messageId, v.attachment(), v.format(), v.verdict(), v.reason(),
                    truncate(v.signerSubject(), 1000), truncate(v.signerOrgan(), 64));
        }
    }

    /**
     * Whether an accepted document (not refused, not discarded) already has this document id: the axis takes a
     * document id once per sender, and would answer a second one as a duplicate of the first.
     */
    boolean documentIdInUse(String documentId) {
        Integer n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM document_outbound d JOIN message m ON m.message_id = d.message_id
                WHERE d.document_id = ? AND d.kind = ? AND m.state NOT IN (?, ?)""", Integer.class,
                documentId, DOCUMENT_KIND, MessageState.REFUSED.name(), MessageState.DISCARDED.name());
        return n != null && n > 0;
    }

    /**
     * Route step after {@code sendEdoc}: records the axis id the delivery left in its header for the message being
     * delivered.
     */
    public void recordSent(Exchange exchange) {
        recordSent(exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class),
                exchange.getIn().getHeader(EdocDelivery.AXIS_DOC_ID, String.class));
    }

    /** Records the axis id of what was sent (the sender doc id); the recipients are now on the axis. */
    public void recordSent(String messageId, String axisDocId) {
        OffsetDateTime now = now();
        jdbc.update("UPDATE document_outbound SET axis_doc_id = ?, sent_at = COALESCE(sent_at, ?) WHERE message_id = ?",
                axisDocId, now, messageId);
        jdbc.update("""
                UPDATE document_outbound_recipient SET receive_status = ?, updated_at = ?
                WHERE message_id = ? AND receive_status IS NULL""", "sent", now, messageId);
    }

    /** Sent messages whose recipients have not all settled, sent within the window, least recently asked about first. */
    public List<SentItem> toPoll(OffsetDateTime sentAfter, int limit) {
        return jdbc.query("""
                SELECT message_id, axis_doc_id FROM document_outbound
                WHERE settled = ? AND axis_doc_id IS NOT NULL AND sent_at >= ?
                ORDER BY COALESCE(polled_at, sent_at), message_id
                FETCH FIRST ? ROWS ONLY""", (rs, i) -> new SentItem(rs.getString(1), rs.getString(2)),
                false, sentAfter, limit);
    }

    /**
     * Takes the recipients' states the axis reported for one sent message; the message is settled (no longer asked
     * about) once every recipient is {@code done} or {@code fail}.
     */
    public void recordPolled(String messageId, List<VdxpSentItem> rows) {
        OffsetDateTime now = now();
        for (VdxpSentItem row : rows) {
            if (row.toCode() == null || row.receiveStatus() == null) {
                continue;
            }
            jdbc.update("""
                    UPDATE document_outbound_recipient
                    SET receiver_doc_id = COALESCE(?, receiver_doc_id), receive_status = ?, receive_status_desc = ?,
                        received_at = COALESCE(?, received_at), updated_at = ?
                    WHERE message_id = ? AND organ_id = ?""",
                    truncate(row.receiverDocId(), 200), truncate(row.receiveStatus().toLowerCase(Locale.ROOT), 16),
                    truncate(row.receiveStatusDesc(), 255), time(row.receivedTime()), now, messageId, row.toCode());
        }
        Integer open = jdbc.queryForObject("""
                SELECT COUNT(*) FROM document_outbound_recipient
                WHERE message_id = ? AND (receive_status IS NULL OR receive_status NOT IN (?, ?))""", Integer.class,
                messageId, SETTLED_STATES.get(0), SETTLED_STATES.get(1));
        jdbc.update("UPDATE document_outbound SET polled_at = ?, settled = ? WHERE message_id = ?", now,
                open != null && open == 0, messageId);
    }

    /**
     * Records a status message a recipient sent back about a document one of this gateway's organs sent (taken in
     * from the axis as message {@code inboundMessageId}; runs in the transaction that stores it): the report is added
     * to the recipient's statuses, and becomes its last status unless a later one is known. False when this gateway
     * sent no such document to that recipient (nothing is recorded then).
     */
    boolean recordRecipientStatus(String documentId, String senderOrgan, String recipientOrgan, StatusReport report,
                                  String inboundMessageId) {
        List<String> sentAs = jdbc.queryForList("""
                SELECT d.message_id FROM document_outbound d JOIN document_outbound_recipient r
                  ON r.message_id = d.message_id AND r.organ_id = ?
                WHERE d.document_id = ? AND d.from_organ = ? AND d.kind = ?""", String.class,
                recipientOrgan, documentId, senderOrgan, DOCUMENT_KIND);
        OffsetDateTime now = now();
        for (String messageId : sentAs) {
            jdbc.update("""
                    UPDATE document_outbound_recipient SET status_code = ?, status_at = ?, updated_at = ?
                    WHERE message_id = ? AND organ_id = ? AND (status_at IS NULL OR status_at <= ?)""",
                    report.statusCode(), report.at(), now, messageId, recipientOrgan, report.at());
            StaffInfo staff = report.staff() == null ? new StaffInfo(null, null, null, null) : report.staff();
            jdbc.update("""
                    INSERT INTO document_status_report (inbound_message_id, message_id, organ_id, status_code,
                                                        status_at, description, staff_department, staff_name,
                                                        staff_email, staff_mobile, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inboundMessageId, messageId, recipientOrgan,
                    report.statusCode(), report.at(), truncate(report.description(), 2000),
                    truncate(staff.department(), 1000), truncate(staff.name(), 1000), truncate(staff.email(), 1000),
                    truncate(staff.mobile(), 1000), now);
        }
        return !sentAs.isEmpty();
    }

    /** What the gateway knows of one message's travel on the axis, if it is a message about a document. */
    public Optional<Tracking> tracking(String messageId) {
        return jdbc.query("SELECT axis_doc_id FROM document_outbound WHERE message_id = ?",
                        (rs, i) -> Optional.ofNullable(rs.getString(1)), messageId).stream().findFirst()
                .map(axisDocId -> new Tracking(axisDocId.orElse(null), recipients(messageId), verdicts(messageId)));
    }

    private List<Recipient> recipients(String messageId) {
        List<Recipient> recipients = jdbc.query("""
                SELECT organ_id, receive_status, receive_status_desc, receiver_doc_id, received_at, status_code,
                       status_at
                FROM document_outbound_recipient WHERE message_id = ? ORDER BY organ_id""", this::recipient,
                messageId);
        if (recipients.stream().noneMatch(r -> r.statusCode() != null)) {
            return recipients;
        }
        List<Map.Entry<String, StatusReport>> reports = jdbc.query("""
                SELECT organ_id, status_code, status_at, description, staff_department, staff_name, staff_email,
                       staff_mobile, received_at
                FROM document_status_report WHERE message_id = ? ORDER BY status_at, received_at""",
                (rs, i) -> Map.entry(rs.getString("organ_id"), new StatusReport(rs.getString("status_code"),
                        utc(rs.getObject("status_at", OffsetDateTime.class)), rs.getString("description"),
                        staff(rs), utc(rs.getObject("received_at", OffsetDateTime.class)))), messageId);
        return recipients.stream().map(r -> r.withStatuses(reports.stream()
                .filter(e -> e.getKey().equals(r.organId())).map(Map.Entry::getValue).toList())).toList();
    }

    private Recipient recipient(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("receive_status");
        return new Recipient(rs.getString("organ_id"),
                status == null ? "NOT_SENT" : status.toUpperCase(Locale.ROOT), rs.getString("receive_status_desc"),
                rs.getString("receiver_doc_id"), utc(rs.getObject("received_at", OffsetDateTime.class)),
                rs.getString("status_code"), utc(rs.getObject("status_at", OffsetDateTime.class)), null);
    }

    private static StaffInfo staff(ResultSet rs) throws SQLException {
        StaffInfo staff = new StaffInfo(rs.getString("staff_department"), rs.getString("staff_name"),
                rs.getString("staff_email"), rs.getString("staff_mobile"));
        return staff.department() == null && staff.name() == null && staff.email() == null && staff.mobile() == null
                ? null : staff;
    }

    private List<AttachmentVerdict> verdicts(String messageId) {
        return jdbc.query("""
                SELECT attachment_no, format, verdict, reason, signer_subject, signer_organ
                FROM document_attachment_verdict WHERE message_id = ? ORDER BY attachment_no""",
                (rs, i) -> new AttachmentVerdict(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), messageId);
    }

    private static OffsetDateTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A sent message to ask the axis about. */
    public record SentItem(String messageId, String axisDocId) {
    }

    /** A message's travel on the axis: its axis id, its recipients' states and its attachments' verdicts. */
    public record Tracking(String axisDocId, List<Recipient> recipients, List<AttachmentVerdict> signatures) {
    }

    /**
     * One recipient: its state on the axis ({@code NOT_SENT} until the gateway sent it, then {@code SENT},
     * {@code RECEIVED}, {@code DONE} or {@code FAIL} as the axis reports it), the last status it sent back, and every
     * status it sent back, oldest first (null when none).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recipient(String organId, String state, String stateDescription, String receiverDocId,
                            OffsetDateTime receivedAt, String statusCode, OffsetDateTime statusAt,
                            List<StatusReport> statuses) {

        Recipient withStatuses(List<StatusReport> reported) {
            return new Recipient(organId, state, stateDescription, receiverDocId, receivedAt, statusCode, statusAt,
                    reported);
        }
    }

    /**
     * A status message a recipient sent back: its code ({@code 03} received, {@code 06} done, …), when it says the
     * status was reached, its description, who (may be null), and when the gateway took it in.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusReport(String statusCode, OffsetDateTime at, String description, StaffInfo staff,
                               OffsetDateTime receivedAt) {
    }

    /**
     * The verdict on one attachment's signature (attachment counted from 0), when the document was accepted or taken
     * in from the axis.
     */
    public record AttachmentVerdict(int attachment, String format, String verdict, String reason, String signerSubject,
                                    String signerOrgan) {

        /** The verdict of a report on the attachment's signature, with the signer of its first signature. */
        static AttachmentVerdict of(int attachment, SignatureFormat format, VerificationReport report) {
            Verdict first = report.signatures().isEmpty() ? null : report.signatures().get(0);
            return new AttachmentVerdict(attachment, format.name(), report.verdict().name(),
                    report.reason() == null ? null : report.reason().name(),
                    first == null ? null : first.signer().subject(), first == null ? null : first.signer().organId());
        }
    }
}

package vn.lienthong.gateway.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.messagelog.MessageState;
import vn.lienthong.gateway.vdxp.EdocDelivery;
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
     * Records a status message a recipient sent back about a document this gateway sent (for the incoming side):
     * the recipient's last status code and its time, on the document's message; false when no such document or
     * recipient is known.
     */
    public boolean recordRecipientStatus(String documentId, String recipientOrgan, String statusCode,
                                         OffsetDateTime at) {
        return jdbc.update("""
                UPDATE document_outbound_recipient SET status_code = ?, status_at = ?, updated_at = ?
                WHERE organ_id = ? AND (status_at IS NULL OR status_at <= ?) AND message_id IN (
                    SELECT message_id FROM document_outbound WHERE document_id = ? AND kind = ?)""",
                statusCode, at, now(), recipientOrgan, at, documentId, DOCUMENT_KIND) > 0;
    }

    /** What the gateway knows of one message's travel on the axis, if it is a message about a document. */
    public Optional<Tracking> tracking(String messageId) {
        return jdbc.query("SELECT axis_doc_id FROM document_outbound WHERE message_id = ?",
                        (rs, i) -> Optional.ofNullable(rs.getString(1)), messageId).stream().findFirst()
                .map(axisDocId -> new Tracking(axisDocId.orElse(null), recipients(messageId), verdicts(messageId)));
    }

    private List<Recipient> recipients(String messageId) {
        return jdbc.query("""
                SELECT organ_id, receive_status, receive_status_desc, receiver_doc_id, received_at, status_code,
                       status_at
                FROM document_outbound_recipient WHERE message_id = ? ORDER BY organ_id""", this::recipient,
                messageId);
    }

    private Recipient recipient(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("receive_status");
        return new Recipient(rs.getString("organ_id"),
                status == null ? "NOT_SENT" : status.toUpperCase(Locale.ROOT), rs.getString("receive_status_desc"),
                rs.getString("receiver_doc_id"), utc(rs.getObject("received_at", OffsetDateTime.class)),
                rs.getString("status_code"), utc(rs.getObject("status_at", OffsetDateTime.class)));
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
     * {@code RECEIVED}, {@code DONE} or {@code FAIL} as the axis reports it) and the last status it sent back.
     */
    public record Recipient(String organId, String state, String stateDescription, String receiverDocId,
                            OffsetDateTime receivedAt, String statusCode, OffsetDateTime statusAt) {
    }

    /** The verdict on one attachment's signature when the document was accepted. */
    public record AttachmentVerdict(int attachment, String format, String verdict, String reason, String signerSubject,
                                    String signerOrgan) {
    }
}

package vn.lienthong.gateway.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.lienthong.gateway.vdxp.VdxpMessageType;

/** Keeps the items taken in from the axis ({@code document_received}), so that each is queued once per recipient. */
@Component
public class ReceivedDocuments {

    private static final String COLUMNS = """
            receipt_key, message_type, to_organ, from_organ, document_id, status_code, axis_doc_id, message_id,
            received_at, verdict, signature, arrival_message_id""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReceivedDocuments(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a new item; a key already recorded fails with a duplicate-key error (another poll took it first). */
    void insert(Receipt r) {
        jdbc.update("INSERT INTO document_received (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.receiptKey(), r.type().name(), r.toOrgan(), r.fromOrgan(), r.documentId(), r.statusCode(),
                r.axisDocId(), r.messageId(), r.receivedAt(), r.verdict().verdict(), write(r.verdict()),
                r.arrivalMessageId());
    }

    /** The item recorded under this key, if any. */
    Optional<Receipt> byKey(String receiptKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM document_received WHERE receipt_key = ?", this::toReceipt,
                receiptKey).stream().findFirst();
    }

    /** The item a gateway message carries, if that message carries one. */
    public Optional<Receipt> byMessage(String messageId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM document_received WHERE message_id = ?", this::toReceipt,
                messageId).stream().findFirst();
    }

    /** Notes the status message 01 (arrived) queued back to the sender of a document. */
    void arrivalQueued(String receiptKey, String arrivalMessageId) {
        jdbc.update("UPDATE document_received SET arrival_message_id = ? WHERE receipt_key = ?", arrivalMessageId,
                receiptKey);
    }

    private Receipt toReceipt(ResultSet rs, int row) throws SQLException {
        OffsetDateTime receivedAt = rs.getObject("received_at", OffsetDateTime.class);
        return new Receipt(rs.getString("receipt_key"), VdxpMessageType.valueOf(rs.getString("message_type")),
                rs.getString("to_organ"), rs.getString("from_organ"), rs.getString("document_id"),
                rs.getString("status_code"), rs.getString("axis_doc_id"), rs.getString("message_id"),
                receivedAt == null ? null : receivedAt.withOffsetSameInstant(ZoneOffset.UTC),
                read(rs.getString("signature")), rs.getString("arrival_message_id"));
    }

    private String write(ReceiptVerdict verdict) {
        try {
            return json.writeValueAsString(verdict);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The signature verdict cannot be written as JSON", e);
        }
    }

    private ReceiptVerdict read(String text) {
        try {
            return json.readValue(text, ReceiptVerdict.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored signature verdict cannot be read", e);
        }
    }
}

package vn.lienthong.gateway.messagelog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reads message-log entries from rows of {@code message_event}. */
final class MessageLogRows {

    /** The columns of {@code message_event} an entry is read from, for a SELECT list. */
    static final String COLUMNS = "seq, occurred_at, event, direction, channel, message_id, dossier_code, document_id, "
            + "client_id, remote_address, destination, reason_code, detail, payload_sha256";

    private MessageLogRows() {
    }

    /** {@link #COLUMNS} of the {@code message_event} row named {@code alias} in the FROM clause. */
    static String columnsOf(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    static LogEntry entry(ResultSet rs, String nodeId, long index) throws SQLException {
        return new LogEntry(nodeId, index, rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("event"), rs.getString("direction"), rs.getString("channel"), rs.getString("message_id"),
                rs.getString("dossier_code"), rs.getString("document_id"), rs.getString("client_id"),
                rs.getString("remote_address"), rs.getString("destination"), rs.getString("reason_code"),
                rs.getString("detail"), rs.getString("payload_sha256"));
    }
}

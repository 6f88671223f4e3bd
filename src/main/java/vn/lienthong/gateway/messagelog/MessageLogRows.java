package vn.lienthong.gateway.messagelog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reads message-log entries from rows of {@code message_event}. */
final class MessageLogRows {

    private MessageLogRows() {
    }

    static LogEntry entry(ResultSet rs, String nodeId, long index) throws SQLException {
        return new LogEntry(nodeId, index, rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("event"), rs.getString("message_id"), rs.getString("dossier_code"),
                rs.getString("client_id"), rs.getString("remote_address"), rs.getString("destination"),
                rs.getString("reason_code"), rs.getString("detail"), rs.getString("payload_sha256"));
    }
}

package vn.lienthong.gateway.messagelog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.ingress.QueryParameters;

/**
 * {@code GET /audit/entries}: the auditors' query of the message log by dossier code, agency, client, event type and
 * time range, in sequence order, one page at a time; each call is recorded with the auditor who made it.
 */
@Component("auditEntries")
public class AuditEntries {

    private final JdbcTemplate jdbc;
    private final MessageStore store;

    AuditEntries(JdbcTemplate jdbc, MessageStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Answers one page of the entries matching the query parameters. */
    public void query(Exchange exchange) {
        AuditEntryCriteria criteria = AuditEntryCriteria.of(QueryParameters.of(exchange));
        List<AuditEntry> found = find(criteria);
        ClientIdentity auditor = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        store.recordAuditAction(auditor.id(), exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class),
                "queried entries " + criteria.describe() + ": " + found.size() + " found");
        exchange.getIn().setBody(new AuditEntryPage(found, criteria.limit(), criteria.offset()));
    }

    /** The WHERE clause holds only the filters given, so that no untyped NULL parameter reaches the database. */
    List<AuditEntry> find(AuditEntryCriteria criteria) {
        StringBuilder sql = new StringBuilder("""
                SELECT e.seq, l.log_index, e.occurred_at, e.event, e.direction, e.channel, e.message_id, e.dossier_code,
                       e.document_id, m.agency_code, e.client_id, e.remote_address, e.destination, e.reason_code, e.detail, e.payload_sha256
                FROM message_event e LEFT JOIN message m ON m.message_id = e.message_id
                LEFT JOIN log_leaf l ON l.seq = e.seq
                WHERE 1 = 1""");
        List<Object> args = new ArrayList<>();
        filter(sql, args, " AND e.dossier_code = ?", criteria.dossierCode());
        filter(sql, args, " AND m.agency_code = ?", criteria.agency());
        filter(sql, args, " AND e.client_id = ?", criteria.client());
        filter(sql, args, " AND e.event = ?", criteria.event() == null ? null : criteria.event().name());
        filter(sql, args, " AND e.occurred_at >= ?", criteria.from());
        filter(sql, args, " AND e.occurred_at < ?", criteria.to());
        sql.append(" ORDER BY e.seq OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        args.add(criteria.offset());
        args.add(criteria.limit());
        return jdbc.query(sql.toString(), AuditEntries::toEntry, args.toArray());
    }

    private static void filter(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(condition);
            args.add(value);
        }
    }

    private static AuditEntry toEntry(ResultSet rs, int row) throws SQLException {
        OffsetDateTime time = rs.getObject("occurred_at", OffsetDateTime.class);
        return new AuditEntry(rs.getLong("seq"), rs.getObject("log_index", Long.class),
                time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC),
                EventType.valueOf(rs.getString("event")), rs.getString("direction"), rs.getString("channel"),
                rs.getString("message_id"), rs.getString("dossier_code"), rs.getString("document_id"),
                rs.getString("agency_code"), rs.getString("client_id"), rs.getString("remote_address"),
                rs.getString("destination"), rs.getString("reason_code"), rs.getString("detail"),
                rs.getString("payload_sha256"));
    }

    /** One entry of the log as an auditor sees it; {@code logIndex} is null until the entry is sealed. */
    public record AuditEntry(long seq, Long logIndex, OffsetDateTime time, EventType event, String direction,
                             String channel, String messageId, String dossierCode, String documentId, String agencyCode, String clientId, String remoteAddress,
                             String destination, String reasonCode, String detail, String payloadSha256) {
    }

    /** One page of entries, oldest first. */
    public record AuditEntryPage(List<AuditEntry> entries, int limit, int offset) {
    }
}

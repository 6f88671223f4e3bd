package vn.lienthong.gateway.messagelog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;

/**
 * Finds the contiguous index range an export of a [from, to) time window holds: from the first sealed entry at or
 * after {@code from} to the end of the first signed checkpoint covering the last sealed entry before {@code to} (or
 * the last checkpoint, when none covers it yet), with the frontier of the entries before it.
 */
public final class ExportRanges {

    private final JdbcTemplate jdbc;
    private final String nodeId;

    public ExportRanges(JdbcTemplate jdbc, String nodeId) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
    }

    /** The range of the window; 404 when the window holds no sealed entry under a signed checkpoint. */
    public ExportRange between(Instant from, Instant to) {
        Window window = new Window(from, to);
        Long first = jdbc.queryForObject("SELECT MIN(l.log_index) FROM message_event e JOIN log_leaf l ON l.seq = e.seq"
                + " WHERE 1 = 1" + window.sql, Long.class, window.args());
        Long last = jdbc.queryForObject("SELECT MAX(l.log_index) FROM message_event e JOIN log_leaf l ON l.seq = e.seq"
                + " WHERE 1 = 1" + window.sql, Long.class, window.args());
        long notYetSealed = count("l.log_index IS NULL", window);
        if (first == null) {
            throw new GatewayException(ErrorCode.NOT_FOUND, "No sealed entry of the message log lies in the time range"
                    + (notYetSealed > 0 ? "; " + notYetSealed + " entries in it are not yet sealed, try again shortly" : "")
                    + ".");
        }
        Long covering = jdbc.queryForObject("SELECT MIN(tree_size) FROM log_checkpoint WHERE node_id = ? AND tree_size > ?",
                Long.class, nodeId, last);
        long end = covering != null ? covering : lastCheckpoint();
        if (end <= first) {
            throw new GatewayException(ErrorCode.NOT_FOUND, "No signed checkpoint covers the entries of the time range "
                    + "yet; try again after the next checkpoint.");
        }
        long notYetCheckpointed = covering != null ? 0 : count("l.log_index >= " + end, window);
        return new ExportRange(nodeId, from, to, first, end, frontier(first), notYetCheckpointed, notYetSealed);
    }

    /** How many checkpoints of this node an export of the range holds. */
    long checkpointsWithin(long firstIndex, long endIndex) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM log_checkpoint WHERE node_id = ? AND tree_size >= ? "
                + "AND tree_size <= ?", Long.class, nodeId, firstIndex, endIndex);
        return n == null ? 0 : n;
    }

    private long lastCheckpoint() {
        Long size = jdbc.queryForObject("SELECT MAX(tree_size) FROM log_checkpoint WHERE node_id = ?", Long.class, nodeId);
        return size == null ? 0 : size;
    }

    private long count(String condition, Window window) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM message_event e LEFT JOIN log_leaf l ON l.seq = e.seq WHERE "
                + condition + window.sql, Long.class, window.args());
        return n == null ? 0 : n;
    }

    /** The frontier of the tree of the first {@code size} sealed entries, from the stored subtrees and leaves. */
    List<byte[]> frontier(long size) {
        return new StoredSubtrees(jdbc).frontier(size);
    }

    /** The time conditions of a window, only those given, so that no untyped NULL parameter reaches the database. */
    private static final class Window {

        private final String sql;
        private final List<Object> args = new ArrayList<>();

        Window(Instant from, Instant to) {
            StringBuilder condition = new StringBuilder();
            if (from != null) {
                condition.append(" AND e.occurred_at >= ?");
                args.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            }
            if (to != null) {
                condition.append(" AND e.occurred_at < ?");
                args.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            }
            sql = condition.toString();
        }

        Object[] args() {
            return args.toArray();
        }
    }
}

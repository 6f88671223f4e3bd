package vn.lienthong.gateway.messagelog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.gateway.signature.TimestampClient;
import vn.lienthong.gateway.signature.TimestampResult;

/**
 * Has the signed checkpoints of the message log timestamped by an RFC 3161 authority, oldest first: each token is
 * over the checkpoint's signature and is stored with it. When the authority fails it logs a warning and leaves it
 * alone for the retry delay; checkpoints wait without a token meanwhile, and sealing never waits for it.
 */
public class CheckpointTimestamper {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointTimestamper.class);

    private final JdbcTemplate jdbc;
    private final TimestampClient client;
    private final Clock clock;
    private final Duration retryDelay;
    private final int batchSize;
    private Instant pausedUntil = Instant.MIN;

    public CheckpointTimestamper(JdbcTemplate jdbc, TimestampClient client, Clock clock, Duration retryDelay,
                                 int batchSize) {
        this.jdbc = jdbc;
        this.client = client;
        this.clock = clock;
        this.retryDelay = retryDelay;
        this.batchSize = batchSize;
    }

    /** A timestamper for a gateway with no TSA configured: it stamps nothing. */
    public static CheckpointTimestamper withoutAuthority(JdbcTemplate jdbc, Clock clock) {
        return new CheckpointTimestamper(jdbc, null, clock, Duration.ZERO, 1);
    }

    /**
     * Stamps the checkpoints that have no token yet, oldest first, until the authority fails; answers how many
     * (none when no authority is configured).
     */
    public synchronized int timestampPending() {
        if (client == null || clock.instant().isBefore(pausedUntil)) {
            return 0;
        }
        int stamped = 0;
        for (Pending checkpoint : pending()) {
            TimestampResult result = client.stamp(checkpoint.signature());
            if (result instanceof TimestampResult.Failed failed) {
                pausedUntil = clock.instant().plus(retryDelay);
                LOG.warn("Message log: the checkpoint of {} at size {} could not be timestamped ({}); {} checkpoint(s) "
                        + "stamped this round, asking again in {}", checkpoint.nodeId(), checkpoint.size(),
                        failed.reason(), stamped, retryDelay);
                return stamped;
            }
            TimestampResult.Granted granted = (TimestampResult.Granted) result;
            jdbc.update("""
                    UPDATE log_checkpoint SET timestamp_token = ?, timestamped_at = ?
                    WHERE node_id = ? AND tree_size = ? AND timestamp_token IS NULL""",
                    granted.token(), OffsetDateTime.ofInstant(granted.time(), ZoneOffset.UTC), checkpoint.nodeId(),
                    checkpoint.size());
            stamped++;
        }
        return stamped;
    }

    private List<Pending> pending() {
        return jdbc.query("""
                SELECT node_id, tree_size, signature FROM log_checkpoint WHERE timestamped_at IS NULL
                ORDER BY created_at, tree_size FETCH FIRST ? ROWS ONLY""",
                (rs, i) -> new Pending(rs.getString(1), rs.getLong(2), rs.getBytes(3)), batchSize);
    }

    private record Pending(String nodeId, long size, byte[] signature) {
    }
}

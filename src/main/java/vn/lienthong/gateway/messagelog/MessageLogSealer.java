package vn.lienthong.gateway.messagelog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.gateway.messagelog.merkle.CompactMerkleTree;
import vn.lienthong.gateway.messagelog.merkle.MerkleHash;
import vn.lienthong.gateway.signature.CmsSigner;

/**
 * Seals committed message-log events into the Merkle tree in the order of their sequence numbers, in batches, and
 * signs a checkpoint of the tree head every N entries or T seconds. A gap in the sequence (a write not yet
 * committed) is waited for up to the gap timeout, then passed over; an event committed after its gap was passed over
 * is sealed at the end.
 */
public class MessageLogSealer {

    private static final Logger LOG = LoggerFactory.getLogger(MessageLogSealer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String nodeId;
    private final int batchSize;
    private final Duration gapTimeout;
    private final int checkpointEntries;
    private final Duration checkpointInterval;
    private final CmsSigner signer;

    private CompactMerkleTree tree;
    private long highestSealedSeq;
    private long waitingForSeq = -1;
    private Instant waitingSince;
    private long checkpointSize;
    private Instant checkpointTime;

    public MessageLogSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, String nodeId,
                            int batchSize, Duration gapTimeout, int checkpointEntries, Duration checkpointInterval,
                            CmsSigner signer) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.nodeId = nodeId;
        this.batchSize = batchSize;
        this.gapTimeout = gapTimeout;
        this.checkpointEntries = checkpointEntries;
        this.checkpointInterval = checkpointInterval;
        this.signer = signer;
    }

    /** Seals what can be sealed now, signs a checkpoint when one is due, and answers how many entries were sealed. */
    public synchronized int seal() {
        loadOnce();
        int sealed = 0;
        int last;
        do {
            last = sealBatch();
            sealed += last;
        } while (last == batchSize);
        checkpointIfDue();
        return sealed;
    }

    /** The size of the sealed tree. */
    public synchronized long size() {
        loadOnce();
        return tree.size();
    }

    private int sealBatch() {
        List<LogEntry> batch = new ArrayList<>();
        long expected = highestSealedSeq + 1;
        for (LogEntry row : unsealed()) {
            if (row.seq() > expected && !gapPassedOver(expected)) {
                break;
            }
            batch.add(row.placed(nodeId, tree.size() + batch.size()));
            expected = Math.max(expected, row.seq() + 1);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        CompactMerkleTree next = CompactMerkleTree.resume(tree.size(), tree.frontier());
        List<Object[]> updates = new ArrayList<>(batch.size());
        for (LogEntry entry : batch) {
            byte[] leaf = MerkleHash.leaf(entry.canonicalBytes());
            next.append(leaf);
            updates.add(new Object[] {nodeId, entry.index(), HexFormat.of().formatHex(leaf), entry.seq()});
        }
        tx.executeWithoutResult(status -> {
            int[][] counts = jdbc.batchUpdate(
                    "UPDATE message_event SET node_id = ?, log_index = ?, leaf_hash = ? WHERE seq = ? AND COALESCE(log_index, -1) = -1",
                    updates, updates.size(), (ps, u) -> {
                        ps.setString(1, (String) u[0]);
                        ps.setLong(2, (Long) u[1]);
                        ps.setString(3, (String) u[2]);
                        ps.setLong(4, (Long) u[3]);
                    });
            for (int[] chunk : counts) {
                for (int count : chunk) {
                    if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                        throw new IllegalStateException("An event was sealed by someone else; sealing again from the store");
                    }
                }
            }
        });
        tree = next;
        highestSealedSeq = Math.max(highestSealedSeq, batch.stream().mapToLong(LogEntry::seq).max().orElse(0));
        return batch.size();
    }

    private boolean gapPassedOver(long missingSeq) {
        Instant now = clock.instant();
        if (waitingForSeq != missingSeq) {
            waitingForSeq = missingSeq;
            waitingSince = now;
            return false;
        }
        if (Duration.between(waitingSince, now).compareTo(gapTimeout) >= 0) {
            LOG.warn("Message log: event seq {} never arrived within {}; sealing past it", missingSeq, gapTimeout);
            return true;
        }
        return false;
    }

    private List<LogEntry> unsealed() {
        return jdbc.query("SELECT " + MessageLogRows.COLUMNS + " " + """
                 FROM message_event WHERE log_index IS NULL ORDER BY seq FETCH FIRST ? ROWS ONLY""",
                (rs, i) -> MessageLogRows.entry(rs, null, -1), batchSize);
    }

    private void checkpointIfDue() {
        long size = tree.size();
        Instant now = clock.instant();
        boolean manyNew = size - checkpointSize >= checkpointEntries;
        boolean longAgo = checkpointTime == null || Duration.between(checkpointTime, now).compareTo(checkpointInterval) >= 0;
        if (size > checkpointSize && (manyNew || longAgo)) {
            TreeHead head = new TreeHead(nodeId, size, tree.root(), now);
            byte[] signature = signer.signDetached(head.canonicalBytes());
            jdbc.update("""
                    INSERT INTO log_checkpoint (node_id, tree_size, root, created_at, tree_head, signature)
                    VALUES (?, ?, ?, ?, ?, ?)""", nodeId, size, HexFormat.of().formatHex(head.root()),
                    OffsetDateTime.ofInstant(head.time(), java.time.ZoneOffset.UTC), head.toString(), signature);
            checkpointSize = size;
            checkpointTime = now;
            LOG.debug("Message log checkpoint signed at size {}", size);
        }
    }

    private void loadOnce() {
        if (tree != null) {
            return;
        }
        CompactMerkleTree loaded = CompactMerkleTree.resume(0, List.of());
        List<String> leaves = jdbc.queryForList(
                "SELECT leaf_hash FROM message_event WHERE log_index IS NOT NULL ORDER BY log_index", String.class);
        for (String leaf : leaves) {
            loaded.append(HexFormat.of().parseHex(leaf));
        }
        Long maxIndex = jdbc.queryForObject("SELECT MAX(log_index) FROM message_event", Long.class);
        if (maxIndex != null && maxIndex + 1 != leaves.size()) {
            throw new IllegalStateException("The message log has " + leaves.size() + " sealed entries but its highest "
                    + "index is " + maxIndex + ": it was altered; run the verification before sealing more");
        }
        Long maxSeq = jdbc.queryForObject("SELECT MAX(seq) FROM message_event WHERE log_index IS NOT NULL", Long.class);
        highestSealedSeq = maxSeq == null ? 0 : maxSeq;
        jdbc.query("""
                SELECT tree_size, created_at FROM log_checkpoint WHERE node_id = ?
                ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY""", rs -> {
            checkpointSize = rs.getLong(1);
            checkpointTime = rs.getObject(2, OffsetDateTime.class).toInstant();
        }, nodeId);
        tree = loaded;
    }
}

package vn.lienthong.gateway.messagelog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.gateway.messagelog.merkle.CompactMerkleTree;
import vn.lienthong.gateway.messagelog.merkle.MerkleHash;
import vn.lienthong.gateway.messagelog.merkle.PerfectSubtree;
import vn.lienthong.gateway.messagelog.merkle.SubtreeProofs;
import vn.lienthong.gateway.signature.CmsSigner;

/**
 * Seals committed message-log events into the Merkle tree in the order of their sequence numbers, in batches, and
 * signs a checkpoint of the tree head every N entries or T seconds. A gap in the sequence (a write not yet
 * committed) is waited for up to the gap timeout, then passed over and watched for a day; an event committed after
 * its gap was passed over is sealed at the end.
 */
public class MessageLogSealer {

    /** How long a passed-over gap is watched for an event that commits late. */
    static final Duration LATE_EVENT_WINDOW = Duration.ofDays(1);

    /** Leaves read at a time when building the subtrees of a log sealed before they were kept. */
    private static final int RESUME_CHUNK = 1 << 16;

    private static final Logger LOG = LoggerFactory.getLogger(MessageLogSealer.class);
    private static final String INSERT_LEAF = "INSERT INTO log_leaf (log_index, seq, node_id, leaf_hash) VALUES (?, ?, ?, ?)";
    private static final String INSERT_SUBTREE = "INSERT INTO log_subtree (first_index, height, hash) VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final StoredSubtrees stored;
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
    private final List<Gap> watchedGaps = new ArrayList<>();
    private long checkpointSize;
    private Instant checkpointTime;

    public MessageLogSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, String nodeId,
                            int batchSize, Duration gapTimeout, int checkpointEntries, Duration checkpointInterval,
                            CmsSigner signer) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.stored = new StoredSubtrees(jdbc);
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
        resumeOnce();
        try {
            int sealed = sealLateEvents();
            int last;
            do {
                last = sealBatch();
                sealed += last;
            } while (last == batchSize);
            checkpointIfDue();
            return sealed;
        } catch (DataAccessException e) {
            tree = null;
            throw e;
        }
    }

    /** The size of the sealed tree. */
    public synchronized long size() {
        resumeOnce();
        return tree.size();
    }

    private int sealBatch() {
        List<LogEntry> rows = jdbc.query("SELECT " + MessageLogRows.COLUMNS + " " + """
                FROM message_event WHERE seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY""",
                (rs, i) -> MessageLogRows.entry(rs, null, -1), highestSealedSeq, batchSize);
        List<LogEntry> batch = new ArrayList<>(rows.size());
        List<Gap> passedOver = new ArrayList<>(1);
        long expected = highestSealedSeq + 1;
        for (LogEntry row : rows) {
            if (row.seq() > expected) {
                if (!gapPassedOver(expected)) {
                    break;
                }
                passedOver.add(new Gap(expected, row.seq() - 1, clock.instant()));
            }
            batch.add(row);
            expected = row.seq() + 1;
        }
        return append(batch, passedOver);
    }

    private int sealLateEvents() {
        if (watchedGaps.isEmpty()) {
            return 0;
        }
        Instant horizon = clock.instant().minus(LATE_EVENT_WINDOW);
        if (watchedGaps.removeIf(gap -> gap.passedAt().isBefore(horizon))) {
            jdbc.update("DELETE FROM log_gap WHERE passed_at < ?", OffsetDateTime.ofInstant(horizon, ZoneOffset.UTC));
        }
        List<LogEntry> late = jdbc.query("SELECT " + MessageLogRows.columnsOf("e") + " " + """
                FROM log_gap g JOIN message_event e ON e.seq BETWEEN g.first_seq AND g.last_seq
                WHERE NOT EXISTS (SELECT 1 FROM log_leaf l WHERE l.seq = e.seq)
                ORDER BY e.seq""", (rs, i) -> MessageLogRows.entry(rs, null, -1));
        return append(late, List.of());
    }

    /** Places these events at the end of the tree and stores their leaves, the subtrees they complete, and the gaps passed over, in one transaction. */
    private int append(List<LogEntry> events, List<Gap> passedOver) {
        if (events.isEmpty()) {
            return 0;
        }
        CompactMerkleTree next = CompactMerkleTree.resume(tree.size(), tree.frontier());
        List<Object[]> leaves = new ArrayList<>(events.size());
        List<Object[]> subtrees = new ArrayList<>(events.size() / 32 + 2);
        long highestSeq = highestSealedSeq;
        for (LogEntry event : events) {
            LogEntry entry = event.placed(nodeId, next.size());
            byte[] leaf = MerkleHash.leaf(entry.canonicalBytes());
            leaves.add(new Object[] {entry.index(), entry.seq(), HexFormat.of().formatHex(leaf)});
            next.append(leaf, (subtree, hash) -> collect(subtree, hash, subtrees));
            highestSeq = Math.max(highestSeq, entry.seq());
        }
        tx.executeWithoutResult(status -> {
            insertLeaves(leaves);
            insertSubtrees(subtrees);
            jdbc.batchUpdate("INSERT INTO log_gap (first_seq, last_seq, passed_at) VALUES (?, ?, ?)", passedOver,
                    passedOver.size(), (ps, gap) -> {
                        ps.setLong(1, gap.firstSeq());
                        ps.setLong(2, gap.lastSeq());
                        ps.setObject(3, OffsetDateTime.ofInstant(gap.passedAt(), ZoneOffset.UTC));
                    });
        });
        tree = next;
        highestSealedSeq = highestSeq;
        watchedGaps.addAll(passedOver);
        return events.size();
    }

    private static void collect(PerfectSubtree subtree, byte[] hash, List<Object[]> into) {
        if (subtree.height() >= StoredSubtrees.MIN_STORED_HEIGHT) {
            into.add(new Object[] {subtree.firstIndex(), subtree.height(), HexFormat.of().formatHex(hash)});
        }
    }

    private void insertLeaves(List<Object[]> leaves) {
        jdbc.batchUpdate(INSERT_LEAF, leaves, leaves.size(), (ps, leaf) -> {
            ps.setLong(1, (Long) leaf[0]);
            ps.setLong(2, (Long) leaf[1]);
            ps.setString(3, nodeId);
            ps.setString(4, (String) leaf[2]);
        });
    }

    private void insertSubtrees(List<Object[]> subtrees) {
        jdbc.batchUpdate(INSERT_SUBTREE, subtrees, subtrees.size(), (ps, subtree) -> {
            ps.setLong(1, (Long) subtree[0]);
            ps.setInt(2, (Integer) subtree[1]);
            ps.setString(3, (String) subtree[2]);
        });
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
                    OffsetDateTime.ofInstant(head.time(), ZoneOffset.UTC), head.toString(), signature);
            checkpointSize = size;
            checkpointTime = now;
            LOG.debug("Message log checkpoint signed at size {}", size);
        }
    }

    /**
     * Takes up the tree where the store left it: the frontier of the stored subtrees, then the few leaves after them.
     * Refuses to go on when those leaves have a hole or the tree no longer gives the root of the latest checkpoint;
     * the whole log is checked against its leaves only by the verification.
     */
    private void resumeOnce() {
        if (tree != null) {
            return;
        }
        Long maxIndex = jdbc.queryForObject("SELECT MAX(log_index) FROM log_leaf", Long.class);
        long size = maxIndex == null ? 0 : maxIndex + 1;
        long covered = stored.coveredSize();
        if (covered > size) {
            throw StoredSubtrees.altered("its stored subtrees cover " + covered + " entries, the store holds " + size);
        }
        List<PerfectSubtree> frontier = SubtreeProofs.frontier(covered);
        Map<PerfectSubtree, byte[]> hashes = stored.hashes(new LinkedHashSet<>(frontier));
        CompactMerkleTree resumed = CompactMerkleTree.resume(covered, frontier.stream().map(hashes::get).toList());
        for (long from = covered; from < size; from += RESUME_CHUNK) {
            List<Object[]> completed = new ArrayList<>();
            for (byte[] leaf : stored.leaves(from, Math.min(size, from + RESUME_CHUNK))) {
                resumed.append(leaf, (subtree, hash) -> collect(subtree, hash, completed));
            }
            storeBackfilledSubtrees(completed);
        }
        Long maxSeq = jdbc.queryForObject("SELECT MAX(seq) FROM log_leaf", Long.class);
        checkAgainstLatestCheckpoint(resumed);
        jdbc.query("""
                SELECT tree_size, created_at FROM log_checkpoint WHERE node_id = ?
                ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY""", rs -> {
            checkpointSize = rs.getLong(1);
            checkpointTime = rs.getObject(2, OffsetDateTime.class).toInstant();
        }, nodeId);
        watchedGaps.clear();
        watchedGaps.addAll(jdbc.query("SELECT first_seq, last_seq, passed_at FROM log_gap",
                (rs, i) -> new Gap(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant())));
        highestSealedSeq = maxSeq == null ? 0 : maxSeq;
        tree = resumed;
        LOG.debug("Message log sealer resumed at size {} from the stored subtrees of {} entries", size, covered);
    }

    /** Stores the subtrees completed by leaves sealed before their subtrees were kept (a log sealed before V6). */
    private void storeBackfilledSubtrees(List<Object[]> completed) {
        if (completed.isEmpty()) {
            return;
        }
        try {
            for (int from = 0; from < completed.size(); from += batchSize) {
                List<Object[]> chunk = completed.subList(from, Math.min(completed.size(), from + batchSize));
                tx.executeWithoutResult(status -> insertSubtrees(chunk));
            }
        } catch (DuplicateKeyException e) {
            throw StoredSubtrees.altered("its stored subtrees do not match its leaves");
        }
    }

    private void checkAgainstLatestCheckpoint(CompactMerkleTree resumed) {
        jdbc.query("SELECT tree_size, root FROM log_checkpoint ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY", rs -> {
            long signedSize = rs.getLong(1);
            if (signedSize > resumed.size()) {
                throw StoredSubtrees.altered("it was truncated: the latest checkpoint covers " + signedSize
                        + " entries, the store holds " + resumed.size());
            }
            byte[] root = signedSize == resumed.size() ? resumed.root() : SubtreeProofs.root(signedSize, stored);
            if (!Arrays.equals(root, HexFormat.of().parseHex(rs.getString(2)))) {
                throw StoredSubtrees.altered("its stored tree no longer gives the root signed at size " + signedSize);
            }
        });
    }

    /** Sequence numbers {@code firstSeq..lastSeq} passed over at {@code passedAt}, watched for a late commit. */
    private record Gap(long firstSeq, long lastSeq, Instant passedAt) {
    }
}

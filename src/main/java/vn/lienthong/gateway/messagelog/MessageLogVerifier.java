package vn.lienthong.gateway.messagelog;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.gateway.messagelog.merkle.CompactMerkleTree;
import vn.lienthong.gateway.messagelog.merkle.MerkleHash;
import vn.lienthong.gateway.signature.CmsVerifier;
import vn.lienthong.gateway.signature.TimestampTokens;
import vn.lienthong.gateway.signature.TimestampVerdict;

/**
 * Checks the message log in the store against itself and its signed checkpoints: every sealed entry's content must
 * give its leaf hash, the entries must be numbered without gaps, every checkpoint's signature and root must match
 * the tree recomputed from the entries, every stored RFC 3161 timestamp must be a valid token over its checkpoint's
 * signature from a trusted timestamping authority, and every stored subtree must match its entries. Names the first
 * entry found bad. Reads the log once, in index order, keeping only the frontier of the tree.
 */
public class MessageLogVerifier {

    private static final int FETCH_SIZE = 10_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final X509Certificate gatewayCertificate;
    private final List<X509Certificate> tsaAnchors;

    /** A verifier that trusts no timestamping authority: a stored timestamp is reported as not valid. */
    public MessageLogVerifier(JdbcTemplate jdbc, X509Certificate gatewayCertificate) {
        this(jdbc, gatewayCertificate, List.of());
    }

    /** A verifier that checks stored timestamps against the trust anchors of timestamping authorities. */
    public MessageLogVerifier(JdbcTemplate jdbc, X509Certificate gatewayCertificate, List<X509Certificate> tsaAnchors) {
        this.tsaAnchors = List.copyOf(Objects.requireNonNull(tsaAnchors));
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.readOnly.setReadOnly(true);
        this.gatewayCertificate = gatewayCertificate;
    }

    public LogVerification verify() {
        return readOnly.execute(status -> verifyInOneRead());
    }

    private LogVerification verifyInOneRead() {
        List<Checkpoint> checkpoints = jdbc.query("""
                SELECT tree_size, root, created_at, tree_head, signature, timestamp_token FROM log_checkpoint
                ORDER BY tree_size""",
                (rs, i) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getBytes(5), rs.getBytes(6)));
        Map<Long, byte[]> rootsAtCheckpoints = new HashMap<>();
        checkpoints.forEach(c -> rootsAtCheckpoints.put(c.size(), null));
        long archivedBelow = LogArchives.purgedBelow(jdbc);
        CompactMerkleTree tree = archivedBelow == 0 ? new CompactMerkleTree()
                : CompactMerkleTree.resume(archivedBelow, new StoredSubtrees(jdbc).frontier(archivedBelow));
        if (rootsAtCheckpoints.containsKey(tree.size()) && archivedBelow > 0) {
            rootsAtCheckpoints.put(tree.size(), tree.root());
        }
        Problem entryProblem = new Problem();
        Problem subtreeProblem = new Problem();
        try (StoredSubtreeCheck subtrees = new StoredSubtreeCheck(jdbc, archivedBelow)) {
            jdbc.query("SELECT " + MessageLogRows.columnsOf("e") + ", l.seq AS leaf_seq, l.node_id, l.log_index, l.leaf_hash "
                    + "FROM log_leaf l LEFT JOIN message_event e ON e.seq = l.seq WHERE l.log_index >= ? "
                    + "ORDER BY l.log_index", rs -> {
                if (entryProblem.found()) {
                    return;
                }
                long index = rs.getLong("log_index");
                long expected = tree.size();
                if (index != expected) {
                    entryProblem.set(expected, "entry " + expected + " is missing: the next entry in the store is " + index);
                    return;
                }
                if (rs.getObject("seq") == null) {
                    entryProblem.set(index, "entry " + index + " is missing: its event (seq " + rs.getLong("leaf_seq")
                            + ") is not in the store");
                    return;
                }
                LogEntry entry = MessageLogRows.entry(rs, rs.getString("node_id"), index);
                byte[] leaf = MerkleHash.leaf(entry.canonicalBytes());
                if (!HexFormat.of().formatHex(leaf).equals(rs.getString("leaf_hash"))) {
                    entryProblem.set(index, "entry " + index + " (seq " + entry.seq() + ") was altered: its content "
                            + "does not give its leaf hash");
                    return;
                }
                tree.append(leaf, (subtree, hash) -> {
                    if (subtree.height() >= StoredSubtrees.MIN_STORED_HEIGHT && !subtreeProblem.found()) {
                        String problem = subtrees.problemWith(subtree, hash);
                        if (problem != null) {
                            subtreeProblem.set(subtree.firstIndex(), problem);
                        }
                    }
                });
                if (rootsAtCheckpoints.containsKey(tree.size())) {
                    rootsAtCheckpoints.put(tree.size(), tree.root());
                }
            }, archivedBelow);
            if (entryProblem.found()) {
                return LogVerification.bad(tree.size(), checkpoints.size(), entryProblem.index, entryProblem.what);
            }
            long previousSize = 0;
            for (Checkpoint c : checkpoints) {
                String problem = problemWith(c, tree.size(), rootsAtCheckpoints.get(c.size()), archivedBelow);
                if (problem != null) {
                    long index = c.size() > tree.size() ? tree.size() : previousSize;
                    return LogVerification.bad(tree.size(), checkpoints.size(), index, problem);
                }
                previousSize = c.size();
            }
            if (subtreeProblem.found()) {
                return LogVerification.bad(tree.size(), checkpoints.size(), subtreeProblem.index, subtreeProblem.what);
            }
            Long unmatched = subtrees.unmatchedFirstIndex();
            if (unmatched != null) {
                return LogVerification.bad(tree.size(), checkpoints.size(), unmatched, "a stored subtree from entry "
                        + unmatched + " is not a subtree of the " + tree.size() + " entries in the store");
            }
        }
        return LogVerification.ok(tree.size(), checkpoints.size());
    }

    /** What is wrong with a checkpoint; the root of one below the archived part is checked by its archive instead. */
    private String problemWith(Checkpoint c, long treeSize, byte[] rootAtSize, long archivedBelow) {
        byte[] head = c.treeHead().getBytes(StandardCharsets.US_ASCII);
        if (!CmsVerifier.verifiesDetached(head, c.signature(), gatewayCertificate)) {
            return "the checkpoint at size " + c.size() + " (" + c.createdAt() + ") is not signed by the gateway key";
        }
        if (c.timestampToken() != null) {
            TimestampVerdict timestamp = TimestampTokens.verify(c.timestampToken(), c.signature(), tsaAnchors);
            if (!timestamp.valid()) {
                return "the timestamp of the checkpoint at size " + c.size() + " is not valid: " + timestamp.problem();
            }
        }
        if (!c.treeHead().contains("\"size\":" + c.size() + ",") || !c.treeHead().contains("\"root\":\"" + c.root() + "\"")) {
            return "the checkpoint at size " + c.size() + " does not match its signed tree head";
        }
        if (c.size() > treeSize) {
            return "the log was truncated: the checkpoint of " + c.createdAt() + " covers " + c.size()
                    + " entries, the store holds " + treeSize;
        }
        if (c.size() < archivedBelow) {
            return null;
        }
        byte[] root = c.size() == 0 ? MerkleHash.emptyRoot() : rootAtSize;
        if (!Arrays.equals(root, HexFormat.of().parseHex(c.root()))) {
            return "the entries up to " + (c.size() - 1) + " no longer give the root signed at " + c.createdAt()
                    + ": entries were altered and their leaf hashes rewritten";
        }
        return null;
    }

    /** The first problem found of one kind, with the log index it concerns. */
    private static final class Problem {
        private long index = -1;
        private String what;

        boolean found() {
            return what != null;
        }

        void set(long at, String problem) {
            index = at;
            what = problem;
        }
    }

    private record Checkpoint(long size, String root, OffsetDateTime createdAt, String treeHead, byte[] signature,
                              byte[] timestampToken) {
    }
}

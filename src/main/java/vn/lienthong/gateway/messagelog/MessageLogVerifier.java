package vn.lienthong.gateway.messagelog;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.gateway.messagelog.merkle.MerkleHash;
import vn.lienthong.gateway.messagelog.merkle.MerkleTree;
import vn.lienthong.gateway.signature.CmsVerifier;
import vn.lienthong.gateway.signature.TimestampTokens;
import vn.lienthong.gateway.signature.TimestampVerdict;

/**
 * Checks the message log in the store against itself and its signed checkpoints: every sealed entry's content must
 * give its leaf hash, the entries must be numbered without gaps, and every checkpoint's signature and root must match
 * the tree recomputed from the entries, and every stored RFC 3161 timestamp must be a valid token over its
 * checkpoint's signature from a trusted timestamping authority. Names the first entry found bad.
 */
public class MessageLogVerifier {

    private final JdbcTemplate jdbc;
    private final X509Certificate gatewayCertificate;
    private final List<X509Certificate> tsaAnchors;

    /** A verifier that trusts no timestamping authority: a stored timestamp is reported as not valid. */
    public MessageLogVerifier(JdbcTemplate jdbc, X509Certificate gatewayCertificate) {
        this(jdbc, gatewayCertificate, List.of());
    }

    /** A verifier that checks stored timestamps against the trust anchors of timestamping authorities. */
    public MessageLogVerifier(JdbcTemplate jdbc, X509Certificate gatewayCertificate, List<X509Certificate> tsaAnchors) {
        this.jdbc = jdbc;
        this.gatewayCertificate = gatewayCertificate;
        this.tsaAnchors = List.copyOf(Objects.requireNonNull(tsaAnchors));
    }

    public LogVerification verify() {
        List<byte[]> leaves = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long[] badIndex = {-1};
        jdbc.query("SELECT " + MessageLogRows.COLUMNS + ", node_id, log_index, leaf_hash " + """
                FROM message_event WHERE log_index IS NOT NULL ORDER BY log_index""", rs -> {
            if (!problems.isEmpty()) {
                return;
            }
            long index = rs.getLong("log_index");
            long expected = leaves.size();
            if (index != expected) {
                badIndex[0] = expected;
                problems.add("entry " + expected + " is missing: the next entry in the store is " + index);
                return;
            }
            LogEntry entry = MessageLogRows.entry(rs, rs.getString("node_id"), index);
            byte[] leaf = MerkleHash.leaf(entry.canonicalBytes());
            if (!HexFormat.of().formatHex(leaf).equals(rs.getString("leaf_hash"))) {
                badIndex[0] = index;
                problems.add("entry " + index + " (seq " + entry.seq() + ") was altered: its content does not give its "
                        + "leaf hash");
                return;
            }
            leaves.add(leaf);
        });
        List<Checkpoint> checkpoints = jdbc.query("""
                SELECT tree_size, root, created_at, tree_head, signature, timestamp_token FROM log_checkpoint
                ORDER BY tree_size""",
                (rs, i) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getBytes(5), rs.getBytes(6)));
        if (!problems.isEmpty()) {
            return LogVerification.bad(leaves.size(), checkpoints.size(), badIndex[0], problems.get(0));
        }
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);
        long previousSize = 0;
        for (Checkpoint c : checkpoints) {
            String problem = problemWith(c, tree);
            if (problem != null) {
                long index = c.size() > tree.size() ? tree.size() : previousSize;
                return LogVerification.bad(tree.size(), checkpoints.size(), index, problem);
            }
            previousSize = c.size();
        }
        return LogVerification.ok(tree.size(), checkpoints.size());
    }

    private String problemWith(Checkpoint c, MerkleTree tree) {
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
        if (c.size() > tree.size()) {
            return "the log was truncated: the checkpoint of " + c.createdAt() + " covers " + c.size()
                    + " entries, the store holds " + tree.size();
        }
        if (!Arrays.equals(tree.root(c.size()), HexFormat.of().parseHex(c.root()))) {
            return "the entries up to " + (c.size() - 1) + " no longer give the root signed at " + c.createdAt()
                    + ": entries were altered and their leaf hashes rewritten";
        }
        return null;
    }

    private record Checkpoint(long size, String root, OffsetDateTime createdAt, String treeHead, byte[] signature,
                              byte[] timestampToken) {
    }
}

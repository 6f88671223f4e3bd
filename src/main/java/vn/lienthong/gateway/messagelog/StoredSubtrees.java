package vn.lienthong.gateway.messagelog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.messagelog.merkle.PerfectSubtree;
import vn.lienthong.gateway.messagelog.merkle.SubtreeProofs;

/**
 * The hashes of the sealed log's perfect subtrees as the store keeps them: those of {@value #MIN_STORED_HEIGHT} levels
 * or more in {@code log_subtree}, smaller ones computed from the leaf hashes of {@code log_leaf}, one range read per
 * block of {@code 2^MIN_STORED_HEIGHT} leaves.
 */
final class StoredSubtrees implements SubtreeProofs.Source {

    /** The height of the smallest subtree the sealer stores: 64 leaves, about n / 32 rows for n entries. */
    static final int MIN_STORED_HEIGHT = 6;

    private static final long BLOCK = 1L << MIN_STORED_HEIGHT;

    private final JdbcTemplate jdbc;

    StoredSubtrees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of leaves the stored subtrees cover: the end of the last complete block, 0 when none is stored. */
    long coveredSize() {
        Long last = jdbc.queryForObject("SELECT MAX(first_index) FROM log_subtree", Long.class);
        return last == null ? 0 : last + BLOCK;
    }

    @Override
    public Map<PerfectSubtree, byte[]> hashes(Set<PerfectSubtree> wanted) {
        Map<PerfectSubtree, byte[]> found = new HashMap<>();
        Map<Integer, List<Long>> storedByHeight = new TreeMap<>();
        Map<Long, Long> blockEnds = new TreeMap<>();
        for (PerfectSubtree subtree : wanted) {
            if (subtree.height() >= MIN_STORED_HEIGHT) {
                storedByHeight.computeIfAbsent(subtree.height(), h -> new ArrayList<>()).add(subtree.firstIndex());
            } else {
                blockEnds.merge(subtree.firstIndex() / BLOCK * BLOCK, subtree.endIndex(), Math::max);
            }
        }
        storedByHeight.forEach((height, firsts) -> readStored(height, firsts, found));
        blockEnds.forEach((start, end) -> {
            List<byte[]> leaves = leaves(start, end);
            for (PerfectSubtree subtree : wanted) {
                if (subtree.height() < MIN_STORED_HEIGHT && subtree.firstIndex() >= start && subtree.endIndex() <= end) {
                    found.put(subtree, SubtreeProofs.perfectRoot(leaves, (int) (subtree.firstIndex() - start),
                            (int) subtree.leafCount()));
                }
            }
        });
        for (PerfectSubtree subtree : wanted) {
            if (!found.containsKey(subtree)) {
                throw altered(subtree + " is not in the store");
            }
        }
        return found;
    }

    /**
     * The frontier of the tree of the first {@code size} entries (its perfect subtrees, leftmost first), from the stored
     * subtrees and the leaves after the last of them, so that it can be had after older leaves were purged.
     */
    List<byte[]> frontier(long size) {
        List<PerfectSubtree> parts = PerfectSubtree.covering(0, size);
        Map<PerfectSubtree, byte[]> hashes = hashes(new java.util.HashSet<>(parts));
        return parts.stream().map(hashes::get).toList();
    }

    /** The leaf hashes of entries {@code [from, to)}, which must all be in the store. */
    List<byte[]> leaves(long from, long to) {
        List<byte[]> leaves = new ArrayList<>((int) Math.min(to - from, 1 << 20));
        jdbc.query("SELECT log_index, leaf_hash FROM log_leaf WHERE log_index >= ? AND log_index < ? ORDER BY log_index",
                rs -> {
                    long expected = from + leaves.size();
                    if (rs.getLong(1) != expected) {
                        throw altered("entry " + expected + " is missing");
                    }
                    leaves.add(HexFormat.of().parseHex(rs.getString(2)));
                }, from, to);
        if (leaves.size() != to - from) {
            throw altered("entry " + (from + leaves.size()) + " is missing");
        }
        return leaves;
    }

    private void readStored(int height, List<Long> firsts, Map<PerfectSubtree, byte[]> found) {
        String marks = String.join(", ", Collections.nCopies(firsts.size(), "?"));
        List<Object> args = new ArrayList<>(firsts.size() + 1);
        args.add(height);
        args.addAll(firsts);
        jdbc.query("SELECT first_index, hash FROM log_subtree WHERE height = ? AND first_index IN (" + marks + ")",
                rs -> {
                    found.put(new PerfectSubtree(height, rs.getLong(1)), HexFormat.of().parseHex(rs.getString(2)));
                }, args.toArray());
    }

    static GatewayException altered(String what) {
        return new GatewayException(ErrorCode.MESSAGE_LOG_ALTERED, "The message log in the store was altered: " + what
                + "; run the verification (GET /audit/verify).");
    }
}

package vn.lienthong.gateway.messagelog;

import java.util.HexFormat;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.gateway.messagelog.merkle.MerkleTree;

/**
 * The leaf hashes of the first {@code size} sealed entries as stored, read a page (of {@value #PAGE}) at a time, so that
 * a tree of any size can be hashed with one page in memory (a tree reads its leaves in runs of increasing index).
 */
final class StoredLeafHashes implements MerkleTree.LeafHashes {

    static final int PAGE = 65_536;

    private final JdbcTemplate jdbc;
    private final long size;
    private final int pageSize;
    private final byte[] page;
    private long pageStart = -1;

    StoredLeafHashes(JdbcTemplate jdbc, long size) {
        this(jdbc, size, PAGE);
    }

    StoredLeafHashes(JdbcTemplate jdbc, long size, int pageSize) {
        this.jdbc = jdbc;
        this.size = size;
        this.pageSize = pageSize;
        this.page = new byte[pageSize * 32];
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("leaf " + index + " of " + size);
        }
        long start = index - index % pageSize;
        if (start != pageStart) {
            load(start);
        }
        int offset = (int) (index - start) * 32;
        byte[] hash = new byte[32];
        System.arraycopy(page, offset, hash, 0, 32);
        return hash;
    }

    private void load(long start) {
        long end = Math.min(start + pageSize, size);
        long[] next = {start};
        jdbc.query("SELECT log_index, leaf_hash FROM log_leaf WHERE log_index >= ? AND log_index < ? "
                + "ORDER BY log_index", rs -> {
            if (rs.getLong(1) != next[0]) {
                throw new IllegalStateException("The message log has no entry " + next[0]
                        + ": it was altered; run the verification");
            }
            System.arraycopy(HexFormat.of().parseHex(rs.getString(2)), 0, page, (int) (next[0] - start) * 32, 32);
            next[0]++;
        }, start, end);
        if (next[0] != end) {
            throw new IllegalStateException("The message log has no entry " + next[0]
                    + ": it was truncated; run the verification");
        }
        pageStart = start;
    }
}

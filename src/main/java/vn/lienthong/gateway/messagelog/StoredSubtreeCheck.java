package vn.lienthong.gateway.messagelog;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.gateway.messagelog.merkle.PerfectSubtree;

/**
 * Compares the subtrees kept in {@code log_subtree} with those recomputed from the leaves, reading the table once in
 * its key order alongside the leaves, and holding only the few stored subtrees not yet complete.
 */
final class StoredSubtreeCheck implements AutoCloseable {

    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final Map<Key, String> readAhead = new HashMap<>();
    private Key lastRead;

    StoredSubtreeCheck(JdbcTemplate jdbc) {
        this(jdbc, 0);
    }

    /** A check of the subtrees that reach past {@code archivedBelow}; those wholly below it went with their archive. */
    StoredSubtreeCheck(JdbcTemplate jdbc, long archivedBelow) {
        this.stream = jdbc.queryForStream("SELECT first_index, height, hash FROM log_subtree ORDER BY first_index, height",
                (rs, i) -> new Row(new Key(rs.getLong(1), rs.getInt(2)), rs.getString(3)))
                .filter(row -> row.key().firstIndex() + (1L << row.key().height()) > archivedBelow);
        this.rows = stream.iterator();
    }

    /** What is wrong with the stored copy of this subtree, recomputed from the leaves; null when it matches. */
    String problemWith(PerfectSubtree subtree, byte[] hash) {
        Key key = new Key(subtree.firstIndex(), subtree.height());
        while (!readAhead.containsKey(key) && (lastRead == null || lastRead.compareTo(key) < 0) && rows.hasNext()) {
            Row row = rows.next();
            readAhead.put(row.key(), row.hash());
            lastRead = row.key();
        }
        String stored = readAhead.remove(key);
        if (stored == null) {
            return subtree + " is missing from the stored subtrees";
        }
        if (!HexFormat.of().formatHex(hash).equalsIgnoreCase(stored.trim())) {
            return "the stored hash of " + subtree + " does not match those entries";
        }
        return null;
    }

    /** The first stored subtree that no leaf completed, or null when every stored subtree was matched. */
    Long unmatchedFirstIndex() {
        if (rows.hasNext()) {
            readAhead.put(rows.next().key(), "");
        }
        return readAhead.keySet().stream().map(Key::firstIndex).min(Long::compare).orElse(null);
    }

    @Override
    public void close() {
        stream.close();
    }

    private record Key(long firstIndex, int height) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byFirst = Long.compare(firstIndex, other.firstIndex);
            return byFirst != 0 ? byFirst : Integer.compare(height, other.height);
        }
    }

    private record Row(Key key, String hash) {
    }
}

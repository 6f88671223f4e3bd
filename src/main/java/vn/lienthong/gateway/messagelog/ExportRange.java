package vn.lienthong.gateway.messagelog;

import java.time.Instant;
import java.util.List;

/**
 * The part of one node's log an export holds: entries {@code firstIndex} to {@code endIndex - 1} (the end is a
 * signed checkpoint), the frontier of the tree of the entries before it, the [from, to) time window asked for (null
 * for an open end), and how many entries of that window were left out because no checkpoint or seal covers them yet.
 */
public record ExportRange(String nodeId, Instant from, Instant to, long firstIndex, long endIndex, List<byte[]> frontier,
                   long notYetCheckpointed, long notYetSealed) {

    public ExportRange {
        if (firstIndex < 0 || endIndex <= firstIndex) {
            throw new IllegalArgumentException("an export range holds at least one entry: " + firstIndex + ".." + endIndex);
        }
        if (frontier.size() != Long.bitCount(firstIndex)) {
            throw new IllegalArgumentException("a tree of " + firstIndex + " entries has " + Long.bitCount(firstIndex)
                    + " frontier hashes, not " + frontier.size());
        }
        frontier = List.copyOf(frontier);
    }

    /** Whether an entry's time lies in the window asked for. */
    public boolean inRequestedRange(Instant time) {
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }
}

package vn.lienthong.gateway.messagelog.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The perfect subtree of 2^{@code height} leaves starting at leaf {@code firstIndex}, a multiple of its leaf count:
 * a node that every tree holding all its leaves has, with the same hash.
 */
public record PerfectSubtree(int height, long firstIndex) {

    public PerfectSubtree {
        if (height < 0 || height > 62) {
            throw new IllegalArgumentException("height " + height + " outside 0..62");
        }
        if (firstIndex < 0 || (firstIndex & ((1L << height) - 1)) != 0) {
            throw new IllegalArgumentException("a subtree of height " + height + " cannot start at leaf " + firstIndex);
        }
    }

    /** The subtree that is the leaf at this index. */
    public static PerfectSubtree leaf(long index) {
        return new PerfectSubtree(0, index);
    }

    /** The aligned perfect subtrees that together hold the leaves {@code [start, end)}, leftmost (and largest) first. */
    public static List<PerfectSubtree> covering(long start, long end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no leaf range [" + start + ", " + end + ")");
        }
        List<PerfectSubtree> parts = new ArrayList<>();
        for (long at = start; at < end; ) {
            int alignment = at == 0 ? 62 : Long.numberOfTrailingZeros(at);
            int height = Math.min(alignment, 63 - Long.numberOfLeadingZeros(end - at));
            parts.add(new PerfectSubtree(height, at));
            at += 1L << height;
        }
        return parts;
    }

    public long leafCount() {
        return 1L << height;
    }

    /** The index after its last leaf. */
    public long endIndex() {
        return firstIndex + leafCount();
    }

    @Override
    public String toString() {
        return "the subtree of entries " + firstIndex + " to " + (endIndex() - 1);
    }
}

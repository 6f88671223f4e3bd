package vn.lienthong.gateway.messagelog.merkle;

import java.util.ArrayList;
import java.util.List;

/** An append-only Merkle tree that keeps only the roots of its perfect subtrees (the frontier), for incremental checkpoint roots; not thread-safe. */
public final class CompactMerkleTree {

    private final List<byte[]> frontier;
    private long size;

    private CompactMerkleTree(long size, List<byte[]> frontier) {
        this.size = size;
        this.frontier = frontier;
    }

    /** An empty tree. */
    public CompactMerkleTree() {
        this(0, new ArrayList<>());
    }

    /** The tree of {@code size} leaves whose frontier, largest subtree first, was saved by {@link #frontier()}. */
    public static CompactMerkleTree resume(long size, List<byte[]> frontier) {
        if (size < 0 || frontier.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(size)
                    + " frontier hashes, not " + frontier.size());
        }
        List<byte[]> copy = new ArrayList<>(Long.SIZE);
        for (byte[] hash : frontier) {
            copy.add(MerkleHash.requireHash(hash, "frontier hash").clone());
        }
        return new CompactMerkleTree(size, copy);
    }

    /** Told of each perfect subtree an appended leaf completes, the leaf itself (height 0) first. */
    @FunctionalInterface
    public interface CompletedSubtrees {

        void completed(PerfectSubtree subtree, byte[] hash);
    }

    /** Adds the next leaf, merging the perfect subtrees it completes. */
    public void append(byte[] leafHash) {
        append(leafHash, (subtree, hash) -> { });
    }

    /** Adds the next leaf, merging the perfect subtrees it completes and telling {@code completed} of each. */
    public void append(byte[] leafHash, CompletedSubtrees completed) {
        byte[] hash = MerkleHash.requireHash(leafHash, "leaf hash").clone();
        long end = size + 1;
        int height = 0;
        completed.completed(PerfectSubtree.leaf(size), hash);
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            hash = MerkleHash.node(frontier.remove(frontier.size() - 1), hash);
            height++;
            completed.completed(new PerfectSubtree(height, end - (1L << height)), hash);
        }
        frontier.add(hash);
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of all leaves appended so far. */
    public byte[] root() {
        if (size == 0) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = frontier.get(frontier.size() - 1).clone();
        for (int i = frontier.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(frontier.get(i), root);
        }
        return root;
    }

    /** Copies of the perfect subtree roots, largest (leftmost) first, one per bit set in {@link #size()}. */
    public List<byte[]> frontier() {
        return frontier.stream().map(byte[]::clone).toList();
    }
}

package vn.lienthong.gateway.messagelog.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An immutable view of the first {@code size()} leaf hashes of a log, giving RFC 9162 roots, inclusion and consistency proofs. */
public final class MerkleTree {

    /** Leaf hashes of a log by index, e.g. read from a database; indexes below the size must not change. */
    public interface LeafHashes {

        long size();

        byte[] get(long index);
    }

    private final LeafHashes leaves;
    private final long size;

    private MerkleTree(LeafHashes leaves, long size) {
        this.leaves = leaves;
        this.size = size;
    }

    /** The tree of the leaf hashes currently in {@code leaves}; later additions are not seen. */
    public static MerkleTree of(LeafHashes leaves) {
        long size = leaves.size();
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        return new MerkleTree(leaves, size);
    }

    /** The tree of a copy of these 32-byte leaf hashes. */
    public static MerkleTree ofLeafHashes(List<byte[]> leafHashes) {
        byte[][] copy = new byte[leafHashes.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = MerkleHash.requireHash(leafHashes.get(i), "leaf hash " + i).clone();
        }
        return new MerkleTree(new ArrayLeaves(copy), copy.length);
    }

    /** The tree whose leaves are the hashes of these entries. */
    public static MerkleTree ofEntries(List<byte[]> entries) {
        byte[][] hashes = new byte[entries.size()][];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = MerkleHash.leaf(entries.get(i));
        }
        return new MerkleTree(new ArrayLeaves(hashes), hashes.length);
    }

    public long size() {
        return size;
    }

    /** MTH(D[n]) of the whole tree. */
    public byte[] root() {
        return root(size);
    }

    /** MTH(D[0:size]) of a prefix of the tree, the root the log had at that size. */
    public byte[] root(long prefixSize) {
        checkSize(prefixSize);
        return prefixSize == 0 ? MerkleHash.emptyRoot() : hash(0, prefixSize);
    }

    /** PATH(index, D[0:treeSize]) of RFC 9162 §2.1.3.1, from the leaf's sibling up to the root's child. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index " + index + " outside a tree of size " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return List.copyOf(proof);
    }

    /** PROOF(oldSize, D[0:newSize]) of RFC 9162 §2.1.4.1; empty when oldSize is 0 or equal to newSize. */
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        checkSize(newSize);
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("old size " + oldSize + " outside 0.." + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0) {
            subproof(oldSize, 0, newSize, true, proof);
        }
        return List.copyOf(proof);
    }

    private void path(long index, long start, long n, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (index < k) {
            path(index, start, k, proof);
            proof.add(hash(start + k, start + n));
        } else {
            path(index - k, start + k, n - k, proof);
            proof.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long n, boolean complete, List<byte[]> proof) {
        if (m == n) {
            if (!complete) {
                proof.add(hash(start, start + n));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, k, complete, proof);
            proof.add(hash(start + k, start + n));
        } else {
            subproof(m - k, start + k, n - k, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** MTH(D[start:end]) for a non-empty range, in one pass with a stack of perfect subtree roots. */
    private byte[] hash(long start, long end) {
        byte[][] stack = new byte[Long.SIZE][];
        int top = 0;
        for (long i = 0; i < end - start; i++) {
            byte[] hash = leaf(start + i);
            for (long j = i; (j & 1) == 1; j >>>= 1) {
                hash = MerkleHash.node(stack[--top], hash);
            }
            stack[top++] = hash;
        }
        byte[] root = stack[--top];
        while (top > 0) {
            root = MerkleHash.node(stack[--top], root);
        }
        return end - start == 1 ? root.clone() : root;
    }

    private byte[] leaf(long index) {
        byte[] hash = leaves.get(index);
        if (!MerkleHash.isHash(hash)) {
            throw new IllegalStateException("leaf hash " + index + " is not a " + MerkleHash.LENGTH + "-byte hash");
        }
        return hash;
    }

    /** The largest power of two smaller than n, for n > 1. */
    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("size " + treeSize + " outside 0.." + size);
        }
    }

    private record ArrayLeaves(byte[][] hashes) implements LeafHashes {

        ArrayLeaves {
            Objects.requireNonNull(hashes);
        }

        @Override
        public long size() {
            return hashes.length;
        }

        @Override
        public byte[] get(long index) {
            return hashes[Math.toIntExact(index)];
        }
    }
}

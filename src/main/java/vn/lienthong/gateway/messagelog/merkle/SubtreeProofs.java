package vn.lienthong.gateway.messagelog.merkle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9162 roots and inclusion proofs assembled from the hashes of perfect subtrees, so that a tree kept as its
 * perfect subtrees answers a proof with O(log n) hashes instead of reading all its leaves. The results are those of
 * {@link MerkleTree}: every node of the RFC's recursion is the right fold of the perfect subtrees that cover its range.
 */
public final class SubtreeProofs {

    /** Where the hashes of perfect subtrees are kept. */
    public interface Source {

        /** The hash of every subtree asked for; a source that cannot give one throws. */
        Map<PerfectSubtree, byte[]> hashes(Set<PerfectSubtree> wanted);
    }

    private SubtreeProofs() {
    }

    /** The perfect subtrees whose hashes make up a tree of {@code size} leaves: its frontier, largest first. */
    public static List<PerfectSubtree> frontier(long size) {
        return PerfectSubtree.covering(0, size);
    }

    /** MTH of the first {@code size} leaves. */
    public static byte[] root(long size, Source source) {
        if (size == 0) {
            return MerkleHash.emptyRoot();
        }
        List<PerfectSubtree> frontier = frontier(size);
        return fold(frontier, source.hashes(new LinkedHashSet<>(frontier)));
    }

    /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1 for each index, in the order given, with one call to the source. */
    public static List<List<byte[]>> inclusionProofs(List<Long> indexes, long size, Source source) {
        List<List<List<PerfectSubtree>>> plans = new ArrayList<>(indexes.size());
        Set<PerfectSubtree> wanted = new LinkedHashSet<>();
        for (long index : indexes) {
            List<List<PerfectSubtree>> plan = inclusionPlan(index, size);
            plan.forEach(wanted::addAll);
            plans.add(plan);
        }
        Map<PerfectSubtree, byte[]> hashes = wanted.isEmpty() ? Map.of() : source.hashes(wanted);
        List<List<byte[]>> proofs = new ArrayList<>(plans.size());
        for (List<List<PerfectSubtree>> plan : plans) {
            List<byte[]> proof = new ArrayList<>(plan.size());
            for (List<PerfectSubtree> node : plan) {
                proof.add(fold(node, hashes));
            }
            proofs.add(List.copyOf(proof));
        }
        return proofs;
    }

    /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, from the leaf's sibling up to the root's child. */
    public static List<byte[]> inclusionProof(long index, long size, Source source) {
        return inclusionProofs(List.of(index), size, source).get(0);
    }

    /**
     * PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1 (SUBPROOF with b = true), each node from the perfect subtrees that cover
     * it, with one call to the source; empty when m is 0 or m equals n.
     */
    public static List<byte[]> consistencyProof(long m, long n, Source source) {
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to size " + n);
        }
        if (m == 0 || m == n) {
            return List.of();
        }
        List<List<PerfectSubtree>> plan = new ArrayList<>();
        subproof(m, 0, n, true, plan);
        Set<PerfectSubtree> wanted = new LinkedHashSet<>();
        plan.forEach(wanted::addAll);
        Map<PerfectSubtree, byte[]> hashes = source.hashes(wanted);
        List<byte[]> proof = new ArrayList<>(plan.size());
        for (List<PerfectSubtree> node : plan) {
            proof.add(fold(node, hashes));
        }
        return List.copyOf(proof);
    }

    /** SUBPROOF(m, D[start:end], b): the nodes, leaf side first, as the perfect subtrees covering each. */
    private static void subproof(long m, long start, long end, boolean startsTree, List<List<PerfectSubtree>> plan) {
        long n = end - start;
        if (m == n) {
            if (!startsTree) {
                plan.add(PerfectSubtree.covering(start, end));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, start, start + k, startsTree, plan);
            plan.add(PerfectSubtree.covering(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, plan);
            plan.add(PerfectSubtree.covering(start, start + k));
        }
    }

    /** For each node of the inclusion proof, bottom up, the perfect subtrees that cover its leaves. */
    static List<List<PerfectSubtree>> inclusionPlan(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " outside a tree of size " + size);
        }
        List<List<PerfectSubtree>> plan = new ArrayList<>();
        long start = 0;
        long n = size;
        List<long[]> siblings = new ArrayList<>();
        while (n > 1) {
            long k = Long.highestOneBit(n - 1);
            if (index - start < k) {
                siblings.add(new long[] {start + k, start + n});
                n = k;
            } else {
                siblings.add(new long[] {start, start + k});
                start += k;
                n -= k;
            }
        }
        for (int i = siblings.size() - 1; i >= 0; i--) {
            plan.add(PerfectSubtree.covering(siblings.get(i)[0], siblings.get(i)[1]));
        }
        return plan;
    }

    /** The hash of the range these adjacent subtrees cover: node(first, node(second, … last)). */
    private static byte[] fold(List<PerfectSubtree> parts, Map<PerfectSubtree, byte[]> hashes) {
        byte[] hash = hashOf(parts.get(parts.size() - 1), hashes);
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = MerkleHash.node(hashOf(parts.get(i), hashes), hash);
        }
        return hash.clone();
    }

    private static byte[] hashOf(PerfectSubtree subtree, Map<PerfectSubtree, byte[]> hashes) {
        byte[] hash = hashes.get(subtree);
        if (!MerkleHash.isHash(hash)) {
            throw new IllegalStateException("no " + MerkleHash.LENGTH + "-byte hash for " + subtree);
        }
        return hash;
    }

    /** MTH of a perfect subtree from its leaf hashes, {@code count} of them (a power of two) starting at {@code from}. */
    public static byte[] perfectRoot(List<byte[]> leafHashes, int from, int count) {
        if (Integer.bitCount(count) != 1 || from < 0 || from + count > leafHashes.size()) {
            throw new IllegalArgumentException(count + " leaves from " + from + " are not a perfect subtree of "
                    + leafHashes.size() + " leaves");
        }
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            level[i] = MerkleHash.requireHash(leafHashes.get(from + i), "leaf hash " + (from + i));
        }
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                level[i] = MerkleHash.node(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0].clone();
    }
}

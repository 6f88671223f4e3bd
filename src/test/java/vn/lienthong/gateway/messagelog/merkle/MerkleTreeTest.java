package vn.lienthong.gateway.messagelog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.gateway.messagelog.merkle.MerkleTestVectors.hex;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerkleTreeTest {

    /** Roots of the first n CT reference leaves, as remembered from Certificate Transparency's reference tests. */
    private static final Map<Integer, String> CT_ROOTS = Map.of(
            1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            5, "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            6, "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void emptyTreeHasTheSha256OfTheEmptyStringAsRoot() {
        MerkleTree empty = MerkleTree.ofLeafHashes(List.of());

        assertThat(hex(empty.root())).isEqualTo(MerkleTestVectors.EMPTY_ROOT);
        assertThat(hex(naiveRoot(List.of()))).isEqualTo(MerkleTestVectors.EMPTY_ROOT);
        assertThat(empty.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void rootOfCtReferenceLeavesMatchesTheCtValueAndTheNaiveRfcDefinition(int size) {
        List<byte[]> entries = MerkleTestVectors.ctEntries().subList(0, size);
        String naive = hex(naiveRoot(naiveLeafHashes(entries)));

        assertThat(naive).as("naive MTH vs remembered CT root").isEqualTo(CT_ROOTS.get(size));
        assertThat(hex(MerkleTree.ofEntries(entries).root())).isEqualTo(naive);
        assertThat(hex(MerkleTree.ofEntries(MerkleTestVectors.ctEntries()).root(size))).isEqualTo(naive);
    }

    @Test
    void prefixRootsEqualTheNaiveRootsOfThePrefixes() {
        List<byte[]> leaves = MerkleTestVectors.leafHashes(300, 1);
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);

        for (int size = 0; size <= 300; size++) {
            assertThat(tree.root(size)).as("size %d", size).isEqualTo(naiveRoot(leaves.subList(0, size)));
        }
        assertThat(tree.root()).isEqualTo(tree.root(300));
    }

    @Test
    void inclusionProofsEqualTheNaivePathForEverySizeAndIndex() {
        List<byte[]> leaves = MerkleTestVectors.leafHashes(70, 2);
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);

        for (int size = 1; size <= 70; size++) {
            for (int index = 0; index < size; index++) {
                assertThat(hex(tree.inclusionProof(index, size))).as("index %d of %d", index, size)
                        .isEqualTo(hex(naivePath(index, leaves.subList(0, size))));
            }
        }
    }

    @Test
    void consistencyProofsEqualTheNaiveProofForEveryPairOfSizes() {
        List<byte[]> leaves = MerkleTestVectors.leafHashes(70, 3);
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);

        for (int newSize = 1; newSize <= 70; newSize++) {
            for (int oldSize = 1; oldSize <= newSize; oldSize++) {
                assertThat(hex(tree.consistencyProof(oldSize, newSize))).as("%d to %d", oldSize, newSize)
                        .isEqualTo(hex(naiveConsistency(oldSize, leaves.subList(0, newSize))));
            }
            assertThat(tree.consistencyProof(0, newSize)).isEmpty();
        }
    }

    @Test
    void inclusionProofsMatchTheCtReferenceVectors() {
        MerkleTree tree = MerkleTree.ofEntries(MerkleTestVectors.ctEntries());

        assertThat(tree.inclusionProof(0, 1)).isEmpty();
        assertThat(hex(tree.inclusionProof(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.inclusionProof(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.inclusionProof(2, 3))).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hex(tree.inclusionProof(1, 5))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void consistencyProofsMatchTheCtReferenceVectors() {
        MerkleTree tree = MerkleTree.ofEntries(MerkleTestVectors.ctEntries());

        assertThat(tree.consistencyProof(1, 1)).isEmpty();
        assertThat(hex(tree.consistencyProof(1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.consistencyProof(6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.consistencyProof(2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void treeOverLeafHashesSeesOnlyTheLeavesPresentWhenCreated() {
        List<byte[]> log = new ArrayList<>(MerkleTestVectors.leafHashes(5, 4));
        MerkleTree tree = MerkleTree.of(new ListLeaves(log));
        byte[] rootOfFive = naiveRoot(List.copyOf(log));

        log.addAll(MerkleTestVectors.leafHashes(3, 5));

        assertThat(tree.size()).isEqualTo(5);
        assertThat(tree.root()).isEqualTo(rootOfFive);
        assertThatThrownBy(() -> tree.root(6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treeDoesNotShareArraysWithItsInputOrOutput() {
        List<byte[]> leaves = MerkleTestVectors.leafHashes(1, 6);
        byte[] leaf = leaves.get(0).clone();
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);

        leaves.get(0)[0] ^= 0x01;
        tree.root()[0] ^= 0x01;

        assertThat(tree.root()).isEqualTo(leaf);
    }

    @Test
    void rejectsSizesAndIndexesOutsideTheTree() {
        MerkleTree tree = MerkleTree.ofLeafHashes(MerkleTestVectors.leafHashes(4, 7));

        assertThatThrownBy(() -> tree.root(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.root(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(-1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(2, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.ofLeafHashes(List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rootOfAMillionLeavesEqualsTheCompactTreeRoot() {
        List<byte[]> leaves = MerkleTestVectors.leafHashes(1_000_000, 8);
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);
        tree.root(1 << 14); // warm-up

        long start = System.nanoTime();
        byte[] root = tree.root();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("MerkleTree root of 1,000,000 leaf hashes: %d ms%n", millis);

        CompactMerkleTree compact = new CompactMerkleTree();
        start = System.nanoTime();
        leaves.forEach(compact::append);
        byte[] compactRoot = compact.root();
        System.out.printf("CompactMerkleTree appending 1,000,000 leaf hashes: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(root).isEqualTo(compactRoot).isEqualTo(naiveRoot(leaves));
    }

    // The RFC 9162 §2.1 definitions, written directly and recursively, with their own SHA-256.

    private static List<byte[]> naiveLeafHashes(List<byte[]> entries) {
        return entries.stream().map(e -> sha256((byte) 0x00, e, new byte[0])).toList();
    }

    private static byte[] naiveRoot(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256(new byte[0]);
        }
        if (n == 1) {
            return d.get(0);
        }
        int k = naiveSplit(n);
        return sha256((byte) 0x01, naiveRoot(d.subList(0, k)), naiveRoot(d.subList(k, n)));
    }

    private static List<byte[]> naivePath(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = naiveSplit(n);
        if (m < k) {
            path.addAll(naivePath(m, d.subList(0, k)));
            path.add(naiveRoot(d.subList(k, n)));
        } else {
            path.addAll(naivePath(m - k, d.subList(k, n)));
            path.add(naiveRoot(d.subList(0, k)));
        }
        return path;
    }

    private static List<byte[]> naiveConsistency(int m, List<byte[]> d) {
        return naiveSubproof(m, d, true);
    }

    private static List<byte[]> naiveSubproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(naiveRoot(d));
            }
            return proof;
        }
        int k = naiveSplit(n);
        if (m <= k) {
            proof.addAll(naiveSubproof(m, d.subList(0, k), b));
            proof.add(naiveRoot(d.subList(k, n)));
        } else {
            proof.addAll(naiveSubproof(m - k, d.subList(k, n), false));
            proof.add(naiveRoot(d.subList(0, k)));
        }
        return proof;
    }

    /** The largest power of two smaller than n. */
    private static int naiveSplit(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] sha256(byte prefix, byte[] first, byte[] second) {
        return sha256(ByteBuffer.allocate(1 + first.length + second.length).put(prefix).put(first).put(second).array());
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record ListLeaves(List<byte[]> hashes) implements MerkleTree.LeafHashes {

        @Override
        public long size() {
            return hashes.size();
        }

        @Override
        public byte[] get(long index) {
            return hashes.get(Math.toIntExact(index));
        }
    }
}

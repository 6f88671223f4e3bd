package vn.lienthong.gateway.messagelog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.gateway.messagelog.merkle.MerkleTestVectors.flipped;
import static vn.lienthong.gateway.messagelog.merkle.MerkleTestVectors.unhex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerkleProofsTest {

    private static final List<byte[]> CT_LEAVES = MerkleTestVectors.ctLeafHashes();
    private static final MerkleTree CT_TREE = MerkleTree.ofLeafHashes(CT_LEAVES);
    private static final List<byte[]> BIG_LEAVES = MerkleTestVectors.leafHashes(1025, 11);
    private static final MerkleTree BIG_TREE = MerkleTree.ofLeafHashes(BIG_LEAVES);

    @Test
    void everyInclusionProofOfTheCtTreesVerifies() {
        for (int size = 1; size <= 8; size++) {
            assertEveryInclusionProofVerifies(CT_TREE, CT_LEAVES, size);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1023, 1024, 1025})
    void everyInclusionProofOfALargerTreeVerifies(int size) {
        assertEveryInclusionProofVerifies(BIG_TREE, BIG_LEAVES, size);
    }

    @Test
    void inclusionProofWithAFlippedByteDoesNotVerify() {
        for (int size = 2; size <= 8; size++) {
            byte[] root = CT_TREE.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = CT_TREE.inclusionProof(index, size);
                for (int element = 0; element < proof.size(); element++) {
                    List<byte[]> tampered = replaced(proof, element, flipped(proof.get(element), index + element));
                    assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(index), index, size, tampered, root))
                            .as("index %d of %d, element %d", index, size, element).isFalse();
                }
                assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(index), index, size, proof, flipped(root, index)))
                        .isFalse();
            }
        }
    }

    @Test
    void inclusionProofWithAnotherIndexOrLeafDoesNotVerify() {
        for (int size = 1; size <= 8; size++) {
            byte[] root = CT_TREE.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = CT_TREE.inclusionProof(index, size);
                for (int other = 0; other < 8; other++) {
                    if (other != index) {
                        assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(index), other, size, proof, root))
                                .as("proof of %d of %d claimed for index %d", index, size, other).isFalse();
                        assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(other), index, size, proof, root))
                                .as("proof of %d of %d with leaf %d", index, size, other).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void inclusionProofAgainstATreeOfAnotherSizeDoesNotVerify() {
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = CT_TREE.inclusionProof(index, size);
                for (int other = index + 1; other <= 8; other++) {
                    if (other != size) {
                        assertThat(MerkleProofs.verifyInclusion(
                                CT_LEAVES.get(index), index, other, proof, CT_TREE.root(other)))
                                .as("proof of %d of %d against size %d", index, size, other).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void inclusionProofOneHashTooLongOrTooShortDoesNotVerify() {
        for (int size = 1; size <= 8; size++) {
            byte[] root = CT_TREE.root(size);
            for (int index = 0; index < size; index++) {
                byte[] leaf = CT_LEAVES.get(index);
                List<byte[]> proof = CT_TREE.inclusionProof(index, size);
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(MerkleProofs.verifyInclusion(leaf, index, size, longer, root)).isFalse();
                if (!proof.isEmpty()) {
                    List<byte[]> shorter = proof.subList(0, proof.size() - 1);
                    assertThat(MerkleProofs.verifyInclusion(leaf, index, size, shorter, root)).isFalse();
                }
            }
        }
    }

    @Test
    void malformedInclusionInputIsRejectedWithoutThrowing() {
        byte[] leaf = CT_LEAVES.get(2);
        byte[] root = CT_TREE.root(8);
        List<byte[]> proof = CT_TREE.inclusionProof(2, 8);

        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 8, proof, root)).isTrue();
        assertThat(MerkleProofs.verifyInclusion(null, 2, 8, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(Arrays.copyOf(leaf, 31), 2, 8, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 8, proof, null)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 8, proof, Arrays.copyOf(root, 33))).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 8, null, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 8, Arrays.asList(proof.get(0), null, proof.get(2)), root))
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 8, replaced(proof, 1, new byte[0]), root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, -1, 8, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 8, 8, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 0, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, -8, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, Long.MAX_VALUE, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, Long.MAX_VALUE - 1, Long.MAX_VALUE, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 8, List.of(), root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 8, java.util.Collections.nCopies(100, root), root))
                .isFalse();
    }

    @Test
    void singleLeafTreeIsProvenByAnEmptyPathOnlyForItsOwnLeaf() {
        byte[] root = CT_TREE.root(1);

        assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(0), 0, 1, List.of(), root)).isTrue();
        assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(1), 0, 1, List.of(), root)).isFalse();
    }

    @Test
    void ctReferenceInclusionVectorsVerify() {
        assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(0), 0, 8, unhex(List.of(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                unhex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"))).isTrue();
        assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(2), 2, 3, unhex(List.of(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                unhex("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"))).isTrue();
    }

    @Test
    void everyConsistencyProofOfTheCtTreesVerifies() {
        for (int newSize = 1; newSize <= 8; newSize++) {
            for (int oldSize = 0; oldSize <= newSize; oldSize++) {
                assertConsistencyProofVerifies(CT_TREE, oldSize, newSize);
            }
        }
    }

    @Test
    void consistencyProofsBetweenLargerTreesVerify() {
        long[][] pairs = {{1, 1025}, {2, 1000}, {7, 1000}, {511, 1024}, {512, 1024}, {513, 1025}, {999, 1000},
                {1000, 1023}, {1023, 1024}, {1024, 1025}, {1000, 1025}, {1025, 1025}, {300, 700}};
        for (long[] pair : pairs) {
            assertConsistencyProofVerifies(BIG_TREE, pair[0], pair[1]);
        }
    }

    @Test
    void consistencyProofWithAFlippedByteDoesNotVerify() {
        for (int newSize = 2; newSize <= 8; newSize++) {
            for (int oldSize = 1; oldSize < newSize; oldSize++) {
                List<byte[]> proof = CT_TREE.consistencyProof(oldSize, newSize);
                for (int element = 0; element < proof.size(); element++) {
                    List<byte[]> tampered = replaced(proof, element, flipped(proof.get(element), element + newSize));
                    assertThat(verifyConsistency(CT_TREE, oldSize, newSize, tampered))
                            .as("%d to %d, element %d", oldSize, newSize, element).isFalse();
                }
            }
        }
    }

    @Test
    void consistencyProofWithSwappedOrForeignRootsDoesNotVerify() {
        MerkleTree other = MerkleTree.ofLeafHashes(MerkleTestVectors.leafHashes(8, 12));
        for (int newSize = 2; newSize <= 8; newSize++) {
            byte[] newRoot = CT_TREE.root(newSize);
            for (int oldSize = 1; oldSize < newSize; oldSize++) {
                byte[] oldRoot = CT_TREE.root(oldSize);
                List<byte[]> proof = CT_TREE.consistencyProof(oldSize, newSize);
                String pair = oldSize + " to " + newSize;
                assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, newRoot, oldRoot, proof)).as(pair).isFalse();
                assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, other.root(oldSize), newRoot, proof))
                        .as(pair).isFalse();
                assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, other.root(newSize), proof))
                        .as(pair).isFalse();
            }
        }
    }

    @Test
    void consistencyProofClaimedForOtherSizesDoesNotVerify() {
        for (int newSize = 2; newSize <= 8; newSize++) {
            for (int oldSize = 1; oldSize < newSize; oldSize++) {
                List<byte[]> proof = CT_TREE.consistencyProof(oldSize, newSize);
                for (int otherOld = 1; otherOld <= 8; otherOld++) {
                    for (int otherNew = otherOld; otherNew <= 8; otherNew++) {
                        if (otherOld != oldSize || otherNew != newSize) {
                            assertThat(verifyConsistency(CT_TREE, otherOld, otherNew, proof))
                                    .as("proof of %d to %d claimed for %d to %d", oldSize, newSize, otherOld, otherNew)
                                    .isFalse();
                        }
                    }
                }
            }
        }
    }

    @Test
    void consistencyProofOneHashTooLongOrTooShortDoesNotVerify() {
        for (int newSize = 2; newSize <= 8; newSize++) {
            for (int oldSize = 1; oldSize < newSize; oldSize++) {
                List<byte[]> proof = CT_TREE.consistencyProof(oldSize, newSize);
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(CT_TREE.root(newSize));
                assertThat(verifyConsistency(CT_TREE, oldSize, newSize, longer)).isFalse();
                assertThat(verifyConsistency(CT_TREE, oldSize, newSize, proof.subList(0, proof.size() - 1)))
                        .isFalse();
                assertThat(verifyConsistency(CT_TREE, oldSize, newSize, proof.subList(1, proof.size()))).isFalse();
            }
        }
    }

    @Test
    void equalSizesNeedAnEmptyProofAndEqualRoots() {
        byte[] root = CT_TREE.root(5);

        assertThat(MerkleProofs.verifyConsistency(5, 5, root, root.clone(), List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(5, 5, root, CT_TREE.root(4), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(5, 5, root, root, List.of(root))).isFalse();
    }

    @Test
    void emptyOldTreeIsConsistentWithAnyTreeByAnEmptyProof() {
        byte[] empty = MerkleHash.emptyRoot();

        assertThat(MerkleProofs.verifyConsistency(0, 0, empty, empty, List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(0, 8, empty, CT_TREE.root(8), List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(0, 8, CT_TREE.root(1), CT_TREE.root(8), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 8, empty, CT_TREE.root(8), List.of(empty))).isFalse();
    }

    @Test
    void malformedConsistencyInputIsRejectedWithoutThrowing() {
        byte[] root3 = CT_TREE.root(3);
        byte[] root7 = CT_TREE.root(7);
        List<byte[]> proof = CT_TREE.consistencyProof(3, 7);

        assertThat(MerkleProofs.verifyConsistency(3, 7, root3, root7, proof)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(7, 3, root7, root3, proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(-3, 7, root3, root7, proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, -7, root3, root7, proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, null, root7, proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, root3, Arrays.copyOf(root7, 16), proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, root3, root7, null)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, root3, root7, List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, root3, root7, replaced(proof, 0, new byte[33]))).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, root3, root7, Arrays.asList(proof.get(0), null))).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, Long.MAX_VALUE, root3, root7, proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(Long.MAX_VALUE - 1, Long.MAX_VALUE, root3, root7, proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, root3, root7, java.util.Collections.nCopies(100, root3)))
                .isFalse();
    }

    @Test
    void ctReferenceConsistencyVectorsVerify() {
        assertThat(MerkleProofs.verifyConsistency(6, 8,
                unhex("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
                unhex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"), unhex(List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")))).isTrue();
        assertThat(MerkleProofs.verifyConsistency(2, 5,
                unhex("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
                unhex("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"), unhex(List.of(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")))).isTrue();
    }

    private static void assertEveryInclusionProofVerifies(MerkleTree tree, List<byte[]> leaves, int size) {
        byte[] root = tree.root(size);
        for (int index = 0; index < size; index++) {
            assertThat(MerkleProofs.verifyInclusion(leaves.get(index), index, size, tree.inclusionProof(index, size), root))
                    .as("index %d of %d", index, size).isTrue();
        }
    }

    private static void assertConsistencyProofVerifies(MerkleTree tree, long oldSize, long newSize) {
        assertThat(verifyConsistency(tree, oldSize, newSize, tree.consistencyProof(oldSize, newSize)))
                .as("%d to %d", oldSize, newSize).isTrue();
    }

    private static boolean verifyConsistency(MerkleTree tree, long oldSize, long newSize, List<byte[]> proof) {
        return MerkleProofs.verifyConsistency(oldSize, newSize, tree.root(oldSize), tree.root(newSize), proof);
    }

    private static List<byte[]> replaced(List<byte[]> proof, int element, byte[] hash) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(element, hash);
        return copy;
    }
}

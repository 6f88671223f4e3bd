package vn.lienthong.gateway.messagelog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.gateway.messagelog.merkle.MerkleTestVectors.hex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Proofs and roots assembled from perfect subtrees, kept as a store keeps them (the leaves, and the subtrees of 8
 * leaves or more that appending completed), are those {@link MerkleTree} computes from all the leaves.
 */
class SubtreeProofsTest {

    private static final int MIN_KEPT_HEIGHT = 3;

    @Test
    void inclusionProofsEqualTheMerkleTreeProofsForEveryIndexOfEverySizeUpTo130() {
        List<byte[]> leaves = MerkleTestVectors.leafHashes(130, 7);
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);
        KeptSubtrees kept = KeptSubtrees.of(leaves);

        for (int size = 1; size <= leaves.size(); size++) {
            for (int index = 0; index < size; index++) {
                assertThat(hex(SubtreeProofs.inclusionProof(index, size, kept)))
                        .as("index %d of size %d", index, size)
                        .isEqualTo(hex(tree.inclusionProof(index, size)));
            }
        }
    }

    @Test
    void consistencyProofsEqualTheMerkleTreeProofsForEveryPairOfSizesUpTo130() {
        List<byte[]> leaves = MerkleTestVectors.leafHashes(130, 9);
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);
        KeptSubtrees kept = KeptSubtrees.of(leaves);

        for (int n = 1; n <= leaves.size(); n++) {
            for (int m = 1; m < n; m++) {
                assertThat(hex(SubtreeProofs.consistencyProof(m, n, kept))).as("from %d to %d", m, n)
                        .isEqualTo(hex(tree.consistencyProof(m, n)));
            }
        }
        assertThat(SubtreeProofs.consistencyProof(7, 7, kept)).isEmpty();
    }

    @Test
    void rootsEqualTheMerkleTreeRootsAtEverySize() {
        List<byte[]> leaves = MerkleTestVectors.leafHashes(300, 8);
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);
        KeptSubtrees kept = KeptSubtrees.of(leaves);

        for (int size = 0; size <= leaves.size(); size++) {
            assertThat(hex(SubtreeProofs.root(size, kept))).as("size %d", size).isEqualTo(hex(tree.root(size)));
        }
    }

    @Test
    void proofsInALargeTreeEqualTheMerkleTreeProofsAndReadOnlyLogarithmicallyManySubtrees() {
        List<byte[]> leaves = MerkleTestVectors.leafHashes(20_000, 9);
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);
        KeptSubtrees kept = KeptSubtrees.of(leaves);
        Random random = new Random(10);

        for (int sample = 0; sample < 300; sample++) {
            int size = 1 + random.nextInt(leaves.size());
            int index = random.nextInt(size);
            kept.asked.clear();

            List<byte[]> proof = SubtreeProofs.inclusionProof(index, size, kept);

            assertThat(hex(proof)).as("index %d of size %d", index, size).isEqualTo(hex(tree.inclusionProof(index, size)));
            assertThat(MerkleProofs.verifyInclusion(leaves.get(index), index, size, proof, tree.root(size))).isTrue();
            assertThat(kept.asked).as("subtrees read for index %d of size %d", index, size).hasSizeLessThanOrEqualTo(2 * 64);
        }
    }

    @Test
    void oneCallGivesTheProofsOfSeveralEntriesInTheOrderAsked() {
        List<byte[]> leaves = MerkleTestVectors.leafHashes(1000, 11);
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);
        KeptSubtrees kept = KeptSubtrees.of(leaves);

        List<List<byte[]>> proofs = SubtreeProofs.inclusionProofs(List.of(999L, 3L, 512L), 1000, kept);

        assertThat(kept.calls).isEqualTo(1);
        assertThat(hex(proofs.get(0))).isEqualTo(hex(tree.inclusionProof(999, 1000)));
        assertThat(hex(proofs.get(1))).isEqualTo(hex(tree.inclusionProof(3, 1000)));
        assertThat(hex(proofs.get(2))).isEqualTo(hex(tree.inclusionProof(512, 1000)));
    }

    @Test
    void frontierIsTheLargestAlignedSubtreesFirst() {
        assertThat(SubtreeProofs.frontier(13)).containsExactly(new PerfectSubtree(3, 0), new PerfectSubtree(2, 8),
                new PerfectSubtree(0, 12));
        assertThat(SubtreeProofs.frontier(0)).isEmpty();
        assertThat(PerfectSubtree.covering(8, 13)).containsExactly(new PerfectSubtree(2, 8), new PerfectSubtree(0, 12));
    }

    @Test
    void refusesAnIndexOutsideTheTreeAndASubtreeThatIsNotAligned() {
        KeptSubtrees kept = KeptSubtrees.of(MerkleTestVectors.leafHashes(4, 12));

        assertThatThrownBy(() -> SubtreeProofs.inclusionProof(4, 4, kept)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PerfectSubtree(2, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The leaves and the subtrees of {@value #MIN_KEPT_HEIGHT} levels or more, as appending reported them. */
    private static final class KeptSubtrees implements SubtreeProofs.Source {

        private final List<byte[]> leaves;
        private final Map<PerfectSubtree, byte[]> subtrees = new HashMap<>();
        private final List<PerfectSubtree> asked = new ArrayList<>();
        private int calls;

        private KeptSubtrees(List<byte[]> leaves) {
            this.leaves = leaves;
        }

        static KeptSubtrees of(List<byte[]> leaves) {
            KeptSubtrees kept = new KeptSubtrees(leaves);
            CompactMerkleTree tree = new CompactMerkleTree();
            for (byte[] leaf : leaves) {
                tree.append(leaf, (subtree, hash) -> {
                    if (subtree.height() >= MIN_KEPT_HEIGHT) {
                        kept.subtrees.put(subtree, hash.clone());
                    }
                });
            }
            return kept;
        }

        @Override
        public Map<PerfectSubtree, byte[]> hashes(Set<PerfectSubtree> wanted) {
            calls++;
            asked.addAll(wanted);
            Map<PerfectSubtree, byte[]> found = new HashMap<>();
            for (PerfectSubtree subtree : wanted) {
                if (subtree.height() >= MIN_KEPT_HEIGHT) {
                    found.put(subtree, subtrees.get(subtree));
                } else {
                    found.put(subtree, SubtreeProofs.perfectRoot(leaves, (int) subtree.firstIndex(), (int) subtree.leafCount()));
                }
            }
            return found;
        }
    }
}

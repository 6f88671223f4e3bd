package vn.lienthong.gateway.messagelog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.gateway.messagelog.merkle.MerkleTestVectors.hex;
import static vn.lienthong.gateway.messagelog.merkle.MerkleTestVectors.unhex;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CompactMerkleTreeTest {

    private static final int MAX = 300;
    private static final List<byte[]> LEAVES = MerkleTestVectors.leafHashes(MAX, 21);
    private static final MerkleTree TREE = MerkleTree.ofLeafHashes(LEAVES);

    @Test
    void emptyTreeHasTheEmptyRoot() {
        CompactMerkleTree compact = new CompactMerkleTree();

        assertThat(compact.size()).isZero();
        assertThat(compact.frontier()).isEmpty();
        assertThat(hex(compact.root())).isEqualTo(MerkleTestVectors.EMPTY_ROOT);
    }

    @Test
    void rootEqualsTheMerkleTreeRootAtEverySize() {
        CompactMerkleTree compact = new CompactMerkleTree();
        assertThat(compact.root()).isEqualTo(TREE.root(0));

        for (int size = 1; size <= MAX; size++) {
            compact.append(LEAVES.get(size - 1));
            assertThat(compact.size()).isEqualTo(size);
            assertThat(compact.root()).as("size %d", size).isEqualTo(TREE.root(size));
        }
    }

    @Test
    void frontierHoldsTheRootsOfThePerfectSubtreesLargestFirst() {
        CompactMerkleTree compact = new CompactMerkleTree();
        LEAVES.subList(0, 13).forEach(compact::append);

        assertThat(hex(compact.frontier())).containsExactly(
                hex(MerkleTree.ofLeafHashes(LEAVES.subList(0, 8)).root()),
                hex(MerkleTree.ofLeafHashes(LEAVES.subList(8, 12)).root()),
                hex(LEAVES.get(12)));
    }

    @Test
    void resumingFromAPersistedFrontierContinuesWithTheSameRoots() {
        for (int saved = 0; saved <= MAX; saved += 7) {
            CompactMerkleTree writer = new CompactMerkleTree();
            LEAVES.subList(0, saved).forEach(writer::append);
            List<String> persisted = hex(writer.frontier());
            assertThat(persisted).hasSize(Integer.bitCount(saved));

            CompactMerkleTree resumed = CompactMerkleTree.resume(saved, unhex(persisted));
            assertThat(resumed.size()).isEqualTo(saved);
            assertThat(resumed.root()).as("resumed at %d", saved).isEqualTo(TREE.root(saved));
            for (int size = saved + 1; size <= MAX; size++) {
                resumed.append(LEAVES.get(size - 1));
                assertThat(resumed.root()).as("resumed at %d, size %d", saved, size).isEqualTo(TREE.root(size));
            }
        }
    }

    @Test
    void reportsEveryPerfectSubtreeALeafCompletesWithItsRoot() {
        List<byte[]> leaves = MerkleTestVectors.leafHashes(100, 13);
        MerkleTree reference = MerkleTree.ofLeafHashes(leaves);
        CompactMerkleTree tree = new CompactMerkleTree();
        List<PerfectSubtree> reported = new ArrayList<>();

        for (byte[] leaf : leaves) {
            tree.append(leaf, (subtree, hash) -> {
                reported.add(subtree);
                List<byte[]> itsLeaves = leaves.subList((int) subtree.firstIndex(), (int) subtree.endIndex());
                assertThat(hash).as("%s", subtree).isEqualTo(MerkleTree.ofLeafHashes(itsLeaves).root());
            });
        }

        assertThat(reported).hasSize(100 + 50 + 25 + 12 + 6 + 3 + 1);
        assertThat(reported).contains(new PerfectSubtree(6, 0), new PerfectSubtree(5, 64), new PerfectSubtree(2, 96));
        assertThat(tree.root()).isEqualTo(reference.root());
    }

    @Test
    void resumeRejectsAFrontierThatCannotBelongToTheSize() {
        byte[] hash = LEAVES.get(0);

        assertThatThrownBy(() -> CompactMerkleTree.resume(3, List.of(hash)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactMerkleTree.resume(4, List.of(hash, hash)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactMerkleTree.resume(0, List.of(hash)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactMerkleTree.resume(-1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactMerkleTree.resume(3, List.of(hash, new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendRejectsSomethingThatIsNotAHash() {
        CompactMerkleTree compact = new CompactMerkleTree();

        assertThatThrownBy(() -> compact.append(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compact.append(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(compact.size()).isZero();
    }

    @Test
    void treeSharesNoArraysWithItsCallers() {
        CompactMerkleTree compact = new CompactMerkleTree();
        byte[] leaf = LEAVES.get(0).clone();
        compact.append(leaf);
        leaf[0] ^= 0x01;
        compact.frontier().get(0)[1] ^= 0x01;
        compact.root()[2] ^= 0x01;

        assertThat(compact.root()).isEqualTo(TREE.root(1));

        List<byte[]> frontier = new java.util.ArrayList<>(compact.frontier());
        CompactMerkleTree resumed = CompactMerkleTree.resume(1, frontier);
        frontier.get(0)[3] ^= 0x01;
        assertThat(resumed.root()).isEqualTo(TREE.root(1));
    }
}

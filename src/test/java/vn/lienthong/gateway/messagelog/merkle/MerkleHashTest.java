package vn.lienthong.gateway.messagelog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.gateway.messagelog.merkle.MerkleTestVectors.hex;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MerkleHashTest {

    @Test
    void leafIsSha256OfZeroByteThenEntry() throws Exception {
        byte[] entry = {0x10, 0x20, 0x30};

        assertThat(MerkleHash.leaf(entry)).isEqualTo(sha256(new byte[] {0x00, 0x10, 0x20, 0x30}));
        assertThat(hex(MerkleHash.leaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void nodeIsSha256OfOneByteThenLeftThenRight() throws Exception {
        byte[] left = MerkleHash.leaf(new byte[] {1});
        byte[] right = MerkleHash.leaf(new byte[] {2});
        byte[] expected = sha256(ByteBuffer.allocate(65).put((byte) 0x01).put(left).put(right).array());

        assertThat(MerkleHash.node(left, right)).isEqualTo(expected);
        assertThat(MerkleHash.node(right, left)).isNotEqualTo(expected);
    }

    @Test
    void leafAndNodeOfTheSameBytesDiffer() {
        byte[] left = MerkleHash.leaf(new byte[] {1});
        byte[] right = MerkleHash.leaf(new byte[] {2});
        byte[] concatenated = ByteBuffer.allocate(64).put(left).put(right).array();

        assertThat(MerkleHash.leaf(concatenated)).isNotEqualTo(MerkleHash.node(left, right));
    }

    @Test
    void emptyRootIsSha256OfTheEmptyString() {
        assertThat(hex(MerkleHash.emptyRoot())).isEqualTo(MerkleTestVectors.EMPTY_ROOT);
    }

    @Test
    void everyCallReturnsItsOwnArray() {
        byte[] first = MerkleHash.emptyRoot();
        first[0] ^= 0x7f;

        assertThat(hex(MerkleHash.emptyRoot())).isEqualTo(MerkleTestVectors.EMPTY_ROOT);
        assertThat(MerkleHash.leaf(new byte[0])).isNotSameAs(MerkleHash.leaf(new byte[0]));
    }

    @Test
    void nullArgumentIsRejectedWithoutSpoilingTheNextHash() throws Exception {
        byte[] hash = MerkleHash.leaf(new byte[] {7});

        assertThatThrownBy(() -> MerkleHash.leaf(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MerkleHash.node(hash, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MerkleHash.node(null, hash)).isInstanceOf(NullPointerException.class);
        assertThat(MerkleHash.leaf(new byte[] {7})).isEqualTo(sha256(new byte[] {0x00, 7}));
    }

    @Test
    void concurrentHashingGivesTheSameHashesAsSequential() throws Exception {
        int count = 200_000;
        List<byte[]> parallel = IntStream.range(0, count).parallel()
                .mapToObj(i -> MerkleHash.node(MerkleHash.leaf(entry(i)), MerkleHash.leaf(entry(i + 1))))
                .toList();

        for (int i = 0; i < count; i += 997) {
            byte[] left = sha256(ByteBuffer.allocate(5).put((byte) 0).putInt(i).array());
            byte[] right = sha256(ByteBuffer.allocate(5).put((byte) 0).putInt(i + 1).array());
            byte[] node = sha256(ByteBuffer.allocate(65).put((byte) 1).put(left).put(right).array());
            assertThat(parallel.get(i)).as("hash %d", i).isEqualTo(node);
        }
        List<byte[]> sequential = IntStream.range(0, count)
                .mapToObj(i -> MerkleHash.node(MerkleHash.leaf(entry(i)), MerkleHash.leaf(entry(i + 1))))
                .toList();
        assertThat(parallel).usingElementComparator(java.util.Arrays::compare).isEqualTo(sequential);
    }

    private static byte[] entry(int i) {
        return ByteBuffer.allocate(4).putInt(i).array();
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}

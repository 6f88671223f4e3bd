package vn.lienthong.gateway.messagelog.merkle;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The leaves of Certificate Transparency's reference Merkle tree tests, plus hex and leaf-making helpers for the tests. */
final class MerkleTestVectors {

    static final List<String> CT_LEAVES_HEX = List.of(
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final HexFormat HEX = HexFormat.of();

    private MerkleTestVectors() {
    }

    static List<byte[]> ctEntries() {
        return CT_LEAVES_HEX.stream().map(HEX::parseHex).toList();
    }

    static List<byte[]> ctLeafHashes() {
        return ctEntries().stream().map(MerkleHash::leaf).toList();
    }

    /** Leaf hashes of the entries "seed:0", "seed:1", ... as 8-byte big-endian numbers after the seed. */
    static List<byte[]> leafHashes(int count, long seed) {
        List<byte[]> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hashes.add(MerkleHash.leaf(ByteBuffer.allocate(16).putLong(seed).putLong(i).array()));
        }
        return hashes;
    }

    static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleTestVectors::hex).toList();
    }

    static List<byte[]> unhex(List<String> hashes) {
        return hashes.stream().map(MerkleTestVectors::unhex).toList();
    }

    static byte[] flipped(byte[] hash, int position) {
        byte[] copy = hash.clone();
        copy[position % copy.length] ^= 0x01;
        return copy;
    }
}

package vn.lienthong.gateway.messagelog.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/** The hashes of RFC 9162 §2.1.1: SHA-256 with a 0x00 prefix for leaves and 0x01 for interior nodes. */
public final class MerkleHash {

    /** Length in bytes of every hash in the tree. */
    public static final int LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHash::newDigest);

    private MerkleHash() {
    }

    /** SHA-256(0x00 ‖ entry). */
    public static byte[] leaf(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest sha256 = SHA256.get();
        sha256.update(LEAF_PREFIX);
        sha256.update(entry);
        return sha256.digest();
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] node(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        MessageDigest sha256 = SHA256.get();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** SHA-256 of the empty string, the root of the empty tree. */
    public static byte[] emptyRoot() {
        return SHA256.get().digest();
    }

    static boolean isHash(byte[] hash) {
        return hash != null && hash.length == LENGTH;
    }

    static byte[] requireHash(byte[] hash, String what) {
        if (!isHash(hash)) {
            throw new IllegalArgumentException(what + " must be a " + LENGTH + "-byte hash");
        }
        return hash;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
